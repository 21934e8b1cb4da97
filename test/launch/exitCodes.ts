/**
 * Exit codes of the launchers (`npm run test:integration`, `npm run test:electron`, `npm start`),
 * and the error that carries one. A distinct code per way of failing, so that CI logs and scripts
 * can tell "a test failed" from "VS Code never came up".
 */

/** What a launcher's exit code means. */
export const ExitCode = {
  /** Every test passed. */
  Passed: 0,
  /** A test failed, or the suite did not load inside VS Code. */
  TestsFailed: 1,
  /** The launcher itself broke (a bug here, or an unexpected error from a tool it drives). */
  LauncherError: 2,
  /** code-server did not start, stopped before the suite finished, or its workbench did not load. */
  ServerDidNotStart: 3,
  /** Setup failed: a prerequisite is missing, or VS Code / code-server could not be installed. */
  SetupFailed: 4,
  /** The suite did not finish in time (`timeout(1)`'s code). */
  Timeout: 124,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An expected failure of a launcher: its message is shown as is, and the process exits with `exitCode`. */
export class LaunchError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = 'LaunchError';
  }
}
