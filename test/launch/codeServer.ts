/**
 * The code-server process: started on 127.0.0.1 in a throw-away profile, in a process group of
 * its own, and stopped by killing that whole group (code-server restarts helpers such as the file
 * watcher when only they die).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { ExitCode, LaunchError } from './exitCodes';
import type { CodeServerInstall } from './install';
import { tail } from './install';
import { profileEnvironment, type Profile } from './profile';
import { seconds } from './progress';

/** How to start code-server. */
export interface CodeServerOptions {
  readonly install: CodeServerInstall;
  readonly profile: Profile;
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** How long to wait for `/healthz` to answer (default 60 s). */
  readonly startTimeoutMs?: number;
  /** Extra environment for code-server and so for the extension host (and the suite inside it). */
  readonly env?: NodeJS.ProcessEnv;
  /** Extra code-server arguments (a test run passes its host's {@link VSCodeHost.testArgs}). */
  readonly args?: readonly string[];
}

/** A code-server that answers on {@link origin}. */
export interface RunningCodeServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** `127.0.0.1:PORT`, the authority of `vscode-remote://` URIs. */
  readonly authority: string;
  /** code-server's own output. */
  readonly logFile: string;
  /** Whether it exited on its own. */
  hasExited(): boolean;
  /** Resolves when it exits on its own, with a sentence saying how. */
  readonly exited: Promise<string>;
  /** The workbench URL that opens `folder`, with an optional VS Code launch payload. */
  workbenchUrl(folder: string, payload?: ReadonlyArray<readonly [string, string]>): string;
  /** A `vscode-remote://` URI of a path on this machine, as the workbench's payload names files. */
  remoteUri(absolutePath: string): string;
  /** Kills the whole process group: SIGTERM, then SIGKILL for what is left after 5 s. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Starts code-server and waits until it answers; fails with {@link ExitCode.ServerDidNotStart} otherwise. */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const port = options.port || (await freePort());
  if (options.port && !(await portIsFree(options.port))) {
    throw new LaunchError(
      `Port ${HOST}:${options.port} is already in use; stop what uses it, or choose another port with PORT=...`,
      ExitCode.ServerDidNotStart,
    );
  }
  const authority = `${HOST}:${port}`;
  const logFile = path.join(options.profile.logs, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const args = [
    options.install.entry,
    '--bind-addr',
    authority,
    '--auth',
    'none',
    '--user-data-dir',
    options.profile.userDataDir,
    '--extensions-dir',
    options.profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    ...(options.args ?? []),
  ];
  const child = spawn(options.install.node, args, {
    env: profileEnvironment(options.profile, { ...process.env, ...options.env }),
    stdio: ['ignore', out, out],
    detached: true, // its own process group, killed whole by stop()
  });
  fs.closeSync(out);
  let exitedWith: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => {
      exitedWith = `could not be started: ${error.message}`;
      resolve(exitedWith);
    });
    child.on('exit', (code, signal) => {
      exitedWith = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      resolve(exitedWith);
    });
  });
  const server: RunningCodeServer = {
    origin: `http://${authority}`,
    authority,
    logFile,
    exited,
    hasExited: () => exitedWith !== undefined,
    remoteUri: (absolutePath) => `vscode-remote://${authority}${encodeURI(absolutePath)}`,
    workbenchUrl(folder, payload) {
      let url = `http://${authority}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    stop: () => killGroup(child),
  };
  try {
    await waitUntilHealthy(server, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilHealthy(server: RunningCodeServer, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (server.hasExited()) {
      throw new LaunchError(
        `code-server ${await server.exited} before it answered. The end of ${server.logFile}:\n${tail(server.logFile, 30)}`,
        ExitCode.ServerDidNotStart,
      );
    }
    if ((await statusOf(`${server.origin}/healthz`)) === 200) return;
    // Polling a port that is not open yet: there is no event to wait on from outside the process.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new LaunchError(
    `code-server did not answer on ${server.origin} within ${seconds(timeoutMs)}. The end of ${server.logFile}:\n${tail(server.logFile, 30)}`,
    ExitCode.ServerDidNotStart,
  );
}

/** The HTTP status of a GET, or 0 when nothing answers. */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(0);
    });
  });
}

async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone in between
    }
  }
}

/** A port on 127.0.0.1 that nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether `port` on 127.0.0.1 can be listened on. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.on('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}
