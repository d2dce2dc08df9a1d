/**
 * A TCP proxy in front of MariaDB that a test can cut and restore, so "the database stops"
 * never touches the machine's shared MariaDB service. `cut()` drops every connection and
 * stops listening (new connections are refused, as when mysqld is down); `restore()` listens
 * on the same port again. `hang()` keeps connections open but forwards nothing until
 * `restore()` (a network partition). `delayMs` slows every chunk (a slow database).
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
    this.pipe(client, upstream);
    this.pipe(upstream, client);
  }

  private pipe(from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk) => {
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
