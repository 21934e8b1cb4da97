/**
 * What the checks refuse to read: a post over the size limit, or a file with binary content. Such
 * a document gets one diagnostic saying that its checks are paused, and no feature parses it, so
 * that one huge or binary file never makes the editor wait.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../engine/engine';
import { formatMessage, type Locale } from '../engine/messages';

/** Why a document is not checked. */
export type Refusal = { kind: 'too-large'; bytes: number; maxBytes: number } | { kind: 'binary'; offset: number };

/** The size of `text` in UTF-8, counted only as far as needed to compare it with `limit`. */
export function utf8LengthOver(text: string, limit: number): number | undefined {
  // Each UTF-16 unit takes 1 to 3 bytes: short texts are under any limit without counting.
  if (text.length * 3 <= limit) return undefined;
  if (text.length > limit) return utf8Length(text);
  const bytes = utf8Length(text);
  return bytes > limit ? bytes : undefined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Why `text` must not be checked, or undefined when it may be. `maxBytes` is the size limit. */
export function refusalOf(text: string, maxBytes: number): Refusal | undefined {
  const bytes = utf8LengthOver(text, maxBytes);
  if (bytes !== undefined) return { kind: 'too-large', bytes, maxBytes };
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { kind: 'binary', offset: nul };
  return undefined;
}

const MESSAGES = {
  'too-large': {
    en: 'Seminar Posts paused its checks for this file: it is {size}, over the {limit} limit (setting `seminarPosts.maxFileSize`).',
    ko: 'Seminar Posts가 이 파일의 검사를 멈췄습니다: 크기가 {size}(으)로 한도 {limit}을(를) 넘습니다(설정 `seminarPosts.maxFileSize`).',
  },
  binary: {
    en: 'Seminar Posts paused its checks for this file: it holds binary content (a NUL character), not the text of a post.',
    ko: 'Seminar Posts가 이 파일의 검사를 멈췄습니다: 글의 텍스트가 아닌 바이너리 내용(NUL 문자)이 들어 있습니다.',
  },
};

/** The one diagnostic of a refused document, on its first line. */
export function refusalDiagnostic(refusal: Refusal, locale: Locale): Diagnostic {
  const data: Record<string, string> =
    refusal.kind === 'too-large' ? { size: formatSize(refusal.bytes), limit: formatSize(refusal.maxBytes) } : {};
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: formatMessage(MESSAGES[refusal.kind], locale, data),
  };
}

/** `2 MB`, `10.5 MB`, `512 KB`, `300 B`. */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}
