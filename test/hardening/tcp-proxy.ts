/**
 * A TCP proxy in front of MariaDB that a test can cut and restore, so "the database stops"
 * never touches the machine's shared MariaDB service. `cut()` drops every connection and
 * stops listening (new connections are refused, as when mysqld is down); `restore()` listens
 * on the same port again. `hang()` keeps connections open but forwards nothing until
 * `restore()` (a network partition). `delayMs` slows every chunk (a slow database).
 * `cutAtReply(query, after)` drops one connection as the reply to a statement comes back (the
 * statement reached MariaDB, its answer never reaches the API): e.g. COMMIT after INSERT INTO
 * client, so the row is committed and the API cannot know it.
 */
import net from 'node:net';

export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private held: (() => void)[] = [];
  private hanging = false;
  port = 0;
  delayMs = 0;
  /** Connections accepted so far. */
  connections = 0;
  private trap: {
    match: RegExp;
    after?: RegExp;
    armed: Set<net.Socket>;
    pending: net.Socket | null;
    fired: () => void;
  } | null = null;

  constructor(private readonly target: { host: string; port: number }) {}

  /** The DATABASE_URL `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async start(): Promise<void> {
    await this.listen(this.port);
  }

  private listen(port: number): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private accept(client: net.Socket): void {
    this.connections++;
    const upstream = net.connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => this.watchQueries(client, chunk));
    this.pipe(client, upstream, client);
    this.pipe(upstream, client, client);
  }

  /** The SQL text of each COM_QUERY packet of a client chunk (MySQL protocol: 3-byte length, sequence, command 0x03). */
  private watchQueries(client: net.Socket, chunk: Buffer): void {
    const trap = this.trap;
    if (!trap) return;
    for (let at = 0; at + 5 <= chunk.length;) {
      const length = chunk.readUIntLE(at, 3);
      if (chunk[at + 4] === 0x03) {
        const sql = chunk.subarray(at + 5, Math.min(chunk.length, at + 4 + length)).toString('utf8');
        if (trap.after?.test(sql)) trap.armed.add(client);
        else if (trap.match.test(sql) && (!trap.after || trap.armed.has(client))) trap.pending = client;
      }
      at += 4 + length;
    }
  }

  /**
   * The next time a statement matching `query` is sent (on a connection that sent one matching
   * `after` before, when given), the statement goes through and the connection is dropped when
   * its reply comes back. Resolves when that happened.
   */
  cutAtReply(query: RegExp, after?: RegExp): Promise<void> {
    return new Promise((resolve) => {
      this.trap = { match: query, after, armed: new Set(), pending: null, fired: resolve };
    });
  }

  private pipe(from: net.Socket, to: net.Socket, client: net.Socket): void {
    from.on('data', (chunk) => {
      const trap = this.trap;
      if (trap && from !== client && trap.pending === client) {
        this.trap = null;
        from.destroy();
        to.destroy();
        trap.fired();
        return;
      }
      const send = () => {
        if (!to.destroyed) to.write(chunk);
      };
      if (this.hanging) this.held.push(send);
      else if (this.delayMs > 0) setTimeout(send, this.delayMs);
      else send();
    });
    from.on('end', () => to.end());
  }

  /** The database goes away: every connection drops, new ones are refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.held = [];
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Connections stay open but nothing gets through (until restore). */
  hang(): void {
    this.hanging = true;
  }

  /** The database is back: listen again on the same port, let held traffic through. */
  async restore(): Promise<void> {
    this.hanging = false;
    const held = this.held;
    this.held = [];
    for (const send of held) send();
    if (!this.server) await this.listen(this.port);
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
