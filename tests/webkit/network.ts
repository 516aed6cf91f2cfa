// The WebKit suite runs in a network namespace of its own (`unshare -n`, started by
// tests/tools/webkit.ts): a veth link carries the default route and the servers' address, so
// "offline" is real — the route and the address go, WebKit's network monitor notices and
// `navigator.onLine` turns false (2–6 s later), and nothing can reach the servers.
//
// A page must be on http://127.0.0.1 to be a secure context (service worker, Web Crypto), so the
// browser talks to 127.0.0.1:<port>, and a forwarder carries that to <SERVER_IP>:<port>. Cut off,
// the forwarder cannot connect either: the browser's requests fail as on a dead network.
import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';

export const SERVER_IP = '10.200.0.1';
const LINK = 'wk0';
const PEER = 'wk1';

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'inherit'] });

/** Refuses to touch the machine's own network: only a namespace made for this suite. */
export function assertOwnNamespace(): void {
  const parent = process.env.WEBKIT_PARENT_NETNS;
  if (!parent || readlinkSync('/proc/self/ns/net') === parent)
    throw new Error('tests/webkit must run in its own network namespace: use `npm run test:webkit`.');
}

export class Network {
  private readonly servers: Server[] = [];
  private readonly sockets = new Set<Socket>();
  isOnline = false;

  constructor() {
    assertOwnNamespace();
    ip('link', 'set', 'lo', 'up');
    ip('link', 'add', LINK, 'type', 'veth', 'peer', 'name', PEER);
    ip('link', 'set', PEER, 'up');
    ip('link', 'set', LINK, 'up');
    this.online();
  }

  /** The route and the servers' address are back. */
  online(): void {
    if (this.isOnline) return;
    ip('addr', 'add', `${SERVER_IP}/24`, 'dev', LINK);
    ip('route', 'add', 'default', 'dev', LINK);
    this.isOnline = true;
  }

  /** No route and no server address: every connection the browser has or tries fails. */
  offline(): void {
    if (!this.isOnline) return;
    ip('route', 'del', 'default', 'dev', LINK);
    ip('addr', 'del', `${SERVER_IP}/24`, 'dev', LINK);
    for (const socket of this.sockets) socket.destroy();
    this.isOnline = false;
  }

  /** Makes http://127.0.0.1:<port> reach the server at SERVER_IP:<port>; returns that address. */
  async forward(port: number): Promise<string> {
    const server = createServer((client) => {
      const upstream = connect(port, SERVER_IP);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
    this.servers.push(server);
    return `http://127.0.0.1:${port}`;
  }

  /** Stops forwarding (between flows). */
  async closeForwards(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await Promise.all(this.servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
  }
}
