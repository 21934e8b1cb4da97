/**
 * The command-line arguments both launchers pass on to the suite, and how they reach it: VS Code
 * starts the extension host with the launcher's environment, so an environment variable is the
 * way in.
 */
import { ExitCode, LaunchError } from './exitCodes';

/** The environment variable holding Mocha's `--grep` for the suite (read by `test/integration/index.ts`). */
export const GREP_VARIABLE = 'SEMINAR_POSTS_TEST_GREP';

/** What a launcher was asked for. */
export interface SuiteArguments {
  /** Run only the tests whose full title matches this regular expression. */
  grep?: string;
}

/** Parses `[--grep PATTERN]`; anything else is a usage error. */
export function parseSuiteArguments(argv: readonly string[]): SuiteArguments {
  const result: SuiteArguments = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if ((arg === '--grep' || arg === '-g') && argv[i + 1] !== undefined) {
      result.grep = argv[++i];
    } else if (arg?.startsWith('--grep=')) {
      result.grep = arg.slice('--grep='.length);
    } else {
      throw new LaunchError(`Unknown argument ${JSON.stringify(arg)}. Usage: [--grep PATTERN]`, ExitCode.LauncherError);
    }
  }
  return result;
}
