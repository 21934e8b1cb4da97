/**
 * The tests' guard against the internet: loaded first by the unit and protocol test runs (their
 * mocha `require`) and, through `NODE_OPTIONS`, by every Node process they start (the CLI, the
 * language server). Any connection to an address that is not the loopback (a name other than
 * `localhost`/`*.localhost`, or an IP address outside 127.0.0.0/8 and ::1) is refused before a
 * packet leaves, and recorded: the root `afterEach` hook fails the test that made it, whichever
 * process it was made in (children write to the file named by `SEMINAR_POSTS_NET_GUARD_LOG`).
 *
 * Plain CommonJS: it runs before tsx and in processes without it.
 */
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const LOG_VAR = 'SEMINAR_POSTS_NET_GUARD_LOG';
const violations = [];
/** This process made the log (it is the test run itself): it keeps its own violations in memory. */
const ownsLog = !process.env[LOG_VAR];

function isLoopbackAddress(address) {
  const ip = address.replace(/^\[|\]$/g, '');
  if (net.isIPv4(ip)) return ip.startsWith('127.');
  if (net.isIPv6(ip)) return ip === '::1' || /^::ffff:127\./i.test(ip);
  return false;
}

function isLoopbackName(host) {
  const name = String(host).toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || isLoopbackAddress(name);
}

function record(what) {
  const line = `blocked a connection to ${what} (tests may reach 127.0.0.1 only)`;
  violations.push(line);
  const log = process.env[LOG_VAR];
  if (log && !ownsLog) {
    try {
      fs.appendFileSync(log, `${process.pid}: ${line}\n`);
    } catch {
      // The parent reads its own list too.
    }
  }
  return line;
}

if (!net.Socket.prototype.__seminarPostsGuarded) {
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    // `net.connect()` hands over arguments it has already normalized (an array).
    const normalized = Array.isArray(args[0]) ? args[0] : net._normalizeArgs(args);
    const options = normalized[0] || {};
    // A Unix socket or a pipe (the language server's IPC) is not the network.
    if (options.path === undefined && options.port !== undefined) {
      const host = options.host === undefined ? 'localhost' : options.host;
      if (!isLoopbackName(host)) {
        const line = record(`${host}:${options.port}`);
        const error = Object.assign(new Error(`net guard: ${line}`), { code: 'ECONNREFUSED' });
        process.nextTick(() => this.destroy(error));
        return this;
      }
      // A loopback name must also resolve to the loopback.
      if (!net.isIP(host)) {
        const lookup = options.lookup || require('node:dns').lookup;
        options.lookup = (hostname, lookupOptions, callback) => lookup(hostname, lookupOptions, (error, address, family) => {
          const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
          const outside = !error && addresses.find((a) => a && !isLoopbackAddress(a));
          if (outside) {
            const line = record(`${hostname} (${outside})`);
            callback(Object.assign(new Error(`net guard: ${line}`), { code: 'ECONNREFUSED' }));
            return;
          }
          callback(error, address, family);
        });
      }
    }
    return original.apply(this, normalized[1] ? [options, normalized[1]] : [options]);
  };
  net.Socket.prototype.__seminarPostsGuarded = true;
}

// Children started by this process carry the guard and report to the same log.
if (ownsLog) {
  process.env[LOG_VAR] = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-net-guard-')), 'violations.log');
}
const preload = `--require ${JSON.stringify(__filename)}`;
if (!(process.env.NODE_OPTIONS || '').includes(preload)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ? process.env.NODE_OPTIONS + ' ' : ''}${preload}`;
}

/** Violations recorded since the last call, here and in child processes; clears them. */
function takeViolations() {
  const found = violations.splice(0);
  const log = process.env[LOG_VAR];
  try {
    const text = fs.readFileSync(log, 'utf8');
    if (text) {
      found.push(...text.trim().split('\n'));
      fs.writeFileSync(log, '');
    }
  } catch {
    // No child wrote anything.
  }
  return found;
}

module.exports = {
  takeViolations,
  isLoopbackName,
  mochaHooks: {
    afterEach() {
      const found = takeViolations();
      if (found.length) throw new Error(`this test tried to reach the network:\n  ${found.join('\n  ')}`);
    },
  },
};
