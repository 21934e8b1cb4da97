/**
 * The commands, as a map from id to factory (the shape rust-analyzer's client uses): each factory
 * receives what the extension holds and returns the handler. Handlers return what they made, so
 * the integration tests can check it, and take optional arguments that stand in for the prompts.
 */
import * as vscode from 'vscode';
import type { CommandId } from '../identifiers';
import type { CommandContext } from './common';
import { checkLinksCommand } from './checkLinks';
import { addPaperSection, insertImageBlock } from './editPost';
import { fillFromPaperLink } from './fillFromPaperLink';
import { fixAllProblems } from './fixAll';
import { newQuarterPost } from './newQuarterPost';
import { copyPaperLink, openPaper, openTalk, openTalkPreview } from '../seminar/seminarCommands';

export type { CommandContext } from './common';

/** Makes a command's handler. */
export type CommandFactory = (context: CommandContext) => (...args: unknown[]) => unknown;

/** Every contributed command and its factory. */
export const COMMANDS: Record<CommandId, CommandFactory> = {
  'seminarPosts.newQuarterPost': (ctx) => (args?: unknown) => newQuarterPost(ctx, args),
  'seminarPosts.addPaperSection': (ctx) => () => addPaperSection(ctx),
  'seminarPosts.insertImageBlock': (ctx) => (args?: unknown) => insertImageBlock(ctx, args),
  'seminarPosts.fillFromPaperLink': (ctx) => (args?: unknown) => fillFromPaperLink(ctx, args),
  'seminarPosts.fixAllProblems': (ctx) => (uri?: unknown) => fixAllProblems(ctx, uri),
  'seminarPosts.restartServer': (ctx) => () => ctx.server.restart(),
  'seminarPosts.showOutput': (ctx) => () => ctx.output.show(true),
  'seminarPosts.openPreview': (ctx) => (uri?: unknown) => ctx.preview.open({ uri, beside: false }),
  'seminarPosts.openPreviewToSide': (ctx) => (uri?: unknown) => ctx.preview.open({ uri, beside: true }),
  'seminarPosts.showQuarterSummary': (ctx) => (uri?: unknown) =>
    ctx.preview.open({ uri, beside: true, view: 'summary' }),
  'seminarPosts.togglePreviewLock': (ctx) => () => ctx.preview.toggleLock(),
  'seminarPosts.checkLinks': (ctx) => (args?: unknown) => checkLinksCommand(ctx, args),
  'seminarPosts.showStatistics': (ctx) => () => ctx.statistics.open(),
  'seminarPosts.seminar.openTalk': () => (node?: unknown) => openTalk(node),
  'seminarPosts.seminar.openPost': () => (node?: unknown) => openTalk(node),
  'seminarPosts.seminar.openPreview': (ctx) => (node?: unknown) => openTalkPreview(ctx, node),
  'seminarPosts.seminar.copyPaperLink': () => (node?: unknown) => copyPaperLink(node),
  'seminarPosts.seminar.openPaper': () => (node?: unknown) => openPaper(node),
  'seminarPosts.seminar.filter': (ctx) => () => ctx.seminar.askFilter(),
  'seminarPosts.seminar.clearFilter': (ctx) => () => ctx.seminar.setFilter(''),
  'seminarPosts.seminar.refresh': (ctx) => () => ctx.seminar.refresh(),
};

/** Registers every command; a handler that throws is reported, not lost. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => {
    const handler = factory(context);
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        context.output.error(`${id}: ${error instanceof Error && error.stack ? error.stack : message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Seminar Posts: the command failed: {0}', message));
        return undefined;
      }
    });
  });
}
