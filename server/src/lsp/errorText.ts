/**
 * How the server writes an unexpected error into the client's log.
 */

/** The error's stack (or message) for the log. */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
