/**
 * The server's state for the client's status item (`seminarPosts/status`), and problems of the
 * environment (a bad setting, a bad configuration file) reported once each, through the status and
 * the client's log, never per keystroke.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { ConfigProblem } from '../core/config/config';
import { formatMessage, type Locale } from '../core/engine/messages';
import { sendNotification, StatusNotification, type ServerStatus } from '../protocol';

const TEXT = {
  badConfig: {
    en: 'Seminar Posts ignores a bad value in {source}: {path}: {problem}',
    ko: 'Seminar Posts가 {source}의 잘못된 값을 무시합니다: {path}: {problem}',
  },
  more: { en: ' (and {count} more)', ko: ' (외 {count}개)' },
  settings: { en: 'the settings', ko: '설정' },
  unreadable: {
    en: 'Seminar Posts could not read the settings and uses the defaults: {error}',
    ko: 'Seminar Posts가 설정을 읽지 못해 기본값을 씁니다: {error}',
  },
};

export class StatusReporter {
  private state: ServerStatus['state'] = 'indexing';
  private posts = 0;
  private readonly reported = new Set<string>();
  /** The last problem reported: every status carries it until `reset`, so the item keeps showing it. */
  private problemMessage: string | undefined;

  /** Called after each state update (the Seminar view shows the state too). */
  onDidUpdate: (() => void) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly locale: () => Locale,
  ) {}

  /** The state last sent. */
  get current(): ServerStatus['state'] {
    return this.state;
  }

  /** Sends the state (and `posts`, the number of posts indexed). */
  update(state: ServerStatus['state'], posts: number): void {
    this.state = state;
    this.posts = posts;
    this.send();
    this.onDidUpdate?.();
  }

  /** Reports configuration problems; each distinct one only once until `reset`. */
  configProblems(problems: readonly ConfigProblem[]): void {
    if (!problems.length) return;
    const first = problems[0]!;
    const locale = this.locale();
    const source = first.source === 'settings' ? formatMessage(TEXT.settings, locale) : first.source;
    let message = formatMessage(TEXT.badConfig, locale, { source, path: first.path, problem: first.message });
    if (problems.length > 1) message += formatMessage(TEXT.more, locale, { count: problems.length - 1 });
    this.problem(
      message,
      problems.map((p) => `${p.source}: ${p.path}: ${p.message}`),
    );
  }

  /** Reports that the client did not answer a request for settings (with its error). */
  settingsUnreadable(error: string): void {
    this.problem(formatMessage(TEXT.unreadable, this.locale(), { error }));
  }

  /** Reports a problem of the environment once: to the client's log (with `details`) and the status. */
  problem(message: string, details: readonly string[] = [message]): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.connection.console.warn(details.length > 1 ? [message, ...details].join('\n  ') : message);
    this.problemMessage = message;
    this.send();
  }

  /**
   * After the settings or a configuration file changed: the status drops the problem, and a
   * problem still there is reported again (to the log and the status) when it is next met.
   */
  reset(): void {
    this.reported.clear();
    if (this.problemMessage === undefined) return;
    this.problemMessage = undefined;
    this.send();
  }

  private send(): void {
    const status: ServerStatus = {
      state: this.state,
      posts: this.posts,
      ...(this.problemMessage !== undefined ? { message: this.problemMessage } : {}),
    };
    sendNotification(this.connection, StatusNotification, status);
  }
}
