/**
 * An HTTP proxy on 127.0.0.1 that lets through tunnels (`CONNECT`) to the npm registry's host only
 * and refuses, and records, every other request: a tool run with `HTTPS_PROXY`/`HTTP_PROXY` pointing
 * here can reach the npm registry and nothing else, and the test sees what else it tried.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RegistryOnlyProxy {
  url: string;
  /** `host:port` of each tunnel let through. */
  allowed: string[];
  /** What was refused: `CONNECT host:port` or `METHOD url`. */
  refused: string[];
  close(): Promise<void>;
}

/** Starts the proxy; `registryHost` is the only host (port 443) it tunnels to. */
export async function startRegistryOnlyProxy(registryHost: string): Promise<RegistryOnlyProxy> {
  const allowed: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    refused.push(`${request.method} ${request.url}`);
    response
      .writeHead(403, { 'content-type': 'text/plain' })
      .end('only the npm registry is reachable from this test\n');
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const target = request.url ?? '';
    if (target !== `${registryHost}:443`) {
      refused.push(`CONNECT ${target}`);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    allowed.push(target);
    const upstream = net.connect(443, registryHost, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    // A tunnel idle this long is dropped: the proxy never keeps the test waiting.
    upstream.setTimeout(120_000, () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    allowed,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
