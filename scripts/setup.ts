/**
 * `npm test` and `npm start` run this first (`pretest`, `prestart`): it finds the programs outside
 * npm that they need and installs the missing ones with the system's package manager when it can
 * (Debian or Ubuntu, as root or with passwordless sudo), saying what and why in one line each.
 * Where it cannot install, it stops at once and prints the one command to run.
 *
 *   node --import tsx scripts/setup.ts test|start [--check]
 *
 * `--check` (or `SEMINAR_POSTS_SETUP=check`) only reports; nothing is installed. Everything the
 * npm registry provides (code-server, Node 24 for the newest VS Code) is installed later by the
 * launchers, into `.vscode-test/`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findChromium } from '../test/launch/chromiumPath';
import { CACHE_DIR, CODE_SERVER_VERSION } from '../test/launch/layout';

/** What the requirement is for: the test run, or `npm start`. */
type Purpose = 'test' | 'start';

/** One thing to find, why it is needed, and how a package manager provides it. */
interface Requirement {
  readonly name: string;
  /** Why the tests (or `npm start`) need it, said in the line about it. */
  readonly why: string;
  readonly purposes: readonly Purpose[];
  /** Whether it is needed at all on this machine (for example, code-server is already built). */
  readonly needed?: () => boolean;
  /** Whether it is there. */
  readonly present: () => boolean;
  /** Debian and Ubuntu packages that provide it. */
  readonly apt: readonly string[];
  /** What to do elsewhere (macOS and other systems). */
  readonly elsewhere: string;
}

/** Whether `command` is on the PATH. */
function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    if (!dir) return false;
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Runs a command quietly; true when it exits 0 within 30 s. */
function succeeds(command: string, args: readonly string[]): boolean {
  if (!onPath(command)) return false;
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return result.status === 0;
}

/** Whether code-server (the tests' VS Code) is installed and so needs no build tools any more. */
function codeServerInstalled(): boolean {
  return fs.existsSync(path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`, 'installed.json'));
}

/** Whether a font with Korean glyphs is installed (the screenshots show the posts' Korean). */
function koreanFontPresent(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  if (onPath('fc-list')) {
    const result = spawnSync('fc-list', [':lang=ko', 'file'], { encoding: 'utf8', timeout: 30_000 });
    return result.status === 0 && result.stdout.trim() !== '';
  }
  return ['/usr/share/fonts/truetype/nanum', '/usr/share/fonts/opentype/noto'].some((dir) => fs.existsSync(dir));
}

const REQUIREMENTS: readonly Requirement[] = [
  {
    name: 'Chromium',
    why: "the preview's browser tests, the window of the tests' VS Code and the UI check run in it",
    purposes: ['test'],
    present: () => findChromium().found,
    apt: ['chromium'],
    elsewhere: 'install Google Chrome, or set CHROMIUM=/path/to/chrome',
  },
  {
    name: 'Jekyll with the minima theme, kramdown-parser-gfm and jekyll-feed',
    why: 'the Jekyll parity suite builds a site with the real `jekyll build`, as the blog does',
    purposes: ['test'],
    present: () =>
      succeeds('jekyll', ['--version']) &&
      succeeds('ruby', ['-e', 'gem "minima"; gem "jekyll-feed"; require "kramdown-parser-gfm"']),
    apt: ['jekyll', 'jekyll-theme-minima', 'ruby-kramdown-parser-gfm', 'ruby-jekyll-feed'],
    elsewhere: 'gem install jekyll jekyll-theme-minima jekyll-feed kramdown-parser-gfm',
  },
  {
    name: 'pre-commit',
    why: "the pre-commit hook's test installs and runs the hook with the real pre-commit",
    purposes: ['test'],
    present: () => succeeds('pre-commit', ['--version']),
    apt: ['pre-commit'],
    elsewhere: 'pipx install pre-commit (or brew install pre-commit)',
  },
  {
    name: 'a Korean font',
    why: "the screenshots show the posts' Korean text",
    purposes: ['test'],
    present: koreanFontPresent,
    apt: ['fonts-nanum'],
    elsewhere: 'install a Korean font (Nanum or Noto Sans CJK)',
  },
  {
    name: 'ripgrep (rg)',
    why: `code-server ${CODE_SERVER_VERSION} would download rg from GitHub; Debian's is put in its place`,
    purposes: ['test', 'start'],
    needed: () => !codeServerInstalled(),
    present: () => onPath('rg'),
    apt: ['ripgrep'],
    elsewhere: 'install ripgrep (brew install ripgrep)',
  },
  {
    name: 'python3, make and g++',
    why: "code-server's native modules are compiled on install",
    purposes: ['test', 'start'],
    needed: () => !codeServerInstalled(),
    present: () => ['python3', 'make', 'g++'].every(onPath),
    apt: ['python3', 'make', 'g++'],
    elsewhere: 'install python3, make and a C++ compiler (xcode-select --install)',
  },
  {
    name: 'the Kerberos headers',
    why: "code-server's kerberos module is compiled against them on install",
    purposes: ['test', 'start'],
    needed: () => !codeServerInstalled() && process.platform === 'linux',
    present: () => fs.existsSync('/usr/include/krb5.h') || onPath('krb5-config'),
    apt: ['libkrb5-dev'],
    elsewhere: 'install the Kerberos development headers (krb5)',
  },
];

/** The start command needs no VS Code of ours when desktop VS Code (`code`) is on the PATH. */
function neededFor(requirement: Requirement, purpose: Purpose): boolean {
  if (!requirement.purposes.includes(purpose)) return false;
  if (purpose === 'start' && process.env.SEMINAR_POSTS_START !== 'code-server' && onPath('code')) return false;
  return requirement.needed?.() ?? true;
}

/** How this machine installs packages, if it can without asking for a password. */
function aptInstaller(): { sudo: boolean } | undefined {
  if (process.platform !== 'linux' || !onPath('apt-get')) return undefined;
  let osRelease: string;
  try {
    osRelease = fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    return undefined;
  }
  if (!/^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(osRelease)) return undefined;
  if (process.getuid?.() === 0) return { sudo: false };
  return succeeds('sudo', ['-n', 'true']) ? { sudo: true } : undefined;
}

function say(line: string): void {
  console.log(`[setup] ${line}`);
}

/** The one command a person runs to get what is missing, for this system. */
function commandFor(missing: readonly Requirement[]): string {
  if (process.platform === 'linux' && (onPath('apt-get') || fs.existsSync('/etc/debian_version'))) {
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    return `${sudo}apt-get update && ${sudo}apt-get install -y ${missing.flatMap((r) => r.apt).join(' ')}`;
  }
  return missing.map((r) => r.elsewhere).join('; ');
}

function runApt(args: readonly string[], sudo: boolean): boolean {
  const command = sudo ? 'sudo' : 'apt-get';
  const fullArgs = [...(sudo ? ['-n', 'apt-get'] : []), '-o', 'DPkg::Lock::Timeout=600', ...args];
  const result = spawnSync(command, fullArgs, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function main(argv: readonly string[]): number {
  const purpose = argv.find((a) => a === 'test' || a === 'start');
  if (!purpose) {
    console.error('usage: node --import tsx scripts/setup.ts test|start [--check]');
    return 2;
  }
  const checkOnly = argv.includes('--check') || process.env.SEMINAR_POSTS_SETUP === 'check';
  const chromium = findChromium();
  if (purpose === 'test' && !chromium.found && chromium.fromVariable) {
    say(
      `CHROMIUM=${chromium.searched[0]} does not exist: point it at a Chromium or Chrome, or unset it to use the system's.`,
    );
    return 1;
  }
  const missing = REQUIREMENTS.filter((r) => neededFor(r, purpose) && !r.present());
  if (missing.length === 0) return 0;
  const installer = checkOnly ? undefined : aptInstaller();
  if (!installer) {
    for (const r of missing) say(`missing ${r.name}: ${r.why}`);
    say(`run: ${commandFor(missing)}`);
    if (checkOnly) say('(SEMINAR_POSTS_SETUP=check: nothing was installed)');
    return 1;
  }
  for (const r of missing) say(`installing ${r.name} (${r.apt.join(' ')}): ${r.why}`);
  const t0 = Date.now();
  const packages = [...new Set(missing.flatMap((r) => r.apt))];
  // A fresh machine has no package lists yet; a failed update still leaves older lists to try.
  runApt(['update', '-qq'], installer.sudo);
  const installed = runApt(['install', '-y', '-qq', ...packages], installer.sudo);
  const still = missing.filter((r) => !r.present());
  if (!installed || still.length > 0) {
    say(
      `apt-get could not install ${(still.length > 0 ? still : missing).map((r) => r.name).join(', ')}; run: ${commandFor(still.length > 0 ? still : missing)}`,
    );
    return 1;
  }
  say(`installed ${packages.join(' ')} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
