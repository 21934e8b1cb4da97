/**
 * The tests' guard (`test/support/netGuard.cjs`) refuses and records any connection that is not to
 * the loopback, in this process and in the processes it starts.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as net from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const guard = require('../../support/netGuard.cjs') as {
  takeViolations(): string[];
  isLoopbackName(host: string): boolean;
};

function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error) => resolve(error.message));
  });
}

describe('network guard of the tests', () => {
  it('knows the loopback', () => {
    for (const host of ['localhost', 'h1.localhost', '127.0.0.1', '127.4.5.6', '::1', '[::1]'])
      assert.ok(guard.isLoopbackName(host), host);
    for (const host of ['example.com', '192.0.2.1', '10.0.0.1', '2001:db8::1', 'localhost.example.com'])
      assert.ok(!guard.isLoopbackName(host), host);
  });

  it('blocks an address outside the loopback before it is reached, and records it', async () => {
    const message = await tryConnect('192.0.2.1', 80);
    assert.match(message, /net guard: blocked a connection to 192\.0\.2\.1:80/);
    const found = guard.takeViolations();
    assert.equal(found.length, 1);
    assert.match(found[0]!, /192\.0\.2\.1:80/);
  });

  it('blocks a name before it is resolved', async () => {
    const message = await tryConnect('example.com', 443);
    assert.match(message, /net guard: blocked a connection to example\.com:443/);
    assert.equal(guard.takeViolations().length, 1);
  });

  it('guards the processes the tests start, and reports what they tried', () => {
    const child = spawnSync(
      process.execPath,
      ['-e', "require('net').connect({ host: '198.51.100.7', port: 443 }).on('error', (e) => console.log(e.message))"],
      { encoding: 'utf8' },
    );
    assert.match(child.stdout, /net guard: blocked/);
    const found = guard.takeViolations();
    assert.equal(found.length, 1);
    assert.match(found[0]!, /198\.51\.100\.7:443/);
  });
});
