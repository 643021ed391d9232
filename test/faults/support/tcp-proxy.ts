import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
  swallowReplies: boolean;
  goodbyeOnReady: boolean;
}

/** ReadyForQuery, idle: the last message of a connection's startup. */
const READY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);

/** ErrorResponse FATAL 57P01: what pg_terminate_backend makes the server send. */
function adminShutdown(): Buffer {
  const fields = ['SFATAL', 'VFATAL', 'C57P01', 'Mterminating connection due to administrator command'];
  const body = Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`)), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/**
 * A TCP proxy between the application and PostgreSQL that the fault tests drive: it forwards bytes,
 * and on demand cuts every connection (and refuses new ones), black-holes them (accepts, forwards
 * nothing, answers nothing: a partition or a dead host), or lets one connection's request through
 * while swallowing its reply (a COMMIT sent whose answer never comes back).
 */
export class TcpProxy {
  private readonly server: Server;
  private readonly pairs = new Set<Pair>();
  private mode: 'forward' | 'cut' | 'blackhole' = 'forward';
  private swallowMarker: string | null = null;
  private goodbyeNext = false;
  /** Parked in a black hole: data that arrived while it lasted, forwarded when it heals. */
  private readonly held: Array<{ pair: Pair; action: () => void }> = [];

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.accept(client));
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Every connection reset, and new ones too, until heal(). */
  cut(): void {
    this.mode = 'cut';
    for (const pair of this.pairs) this.drop(pair);
  }

  /** Nothing goes through either way and nobody is told, until heal(). */
  blackhole(): void {
    this.mode = 'blackhole';
  }

  /** The next connection whose request names `marker` gets no more replies (its request still goes through). */
  swallowReplyTo(marker: string): void {
    this.swallowMarker = marker;
  }

  /**
   * The next connection is terminated the instant its session starts: the server's goodbye
   * (FATAL 57P01) arrives in the same packet as the end of its startup, as when pg_terminate_backend
   * meets a connection that has just been opened.
   */
  goodbyeOnStartup(): void {
    this.goodbyeNext = true;
  }

  heal(): void {
    this.mode = 'forward';
    this.swallowMarker = null;
    // Only for connections still open: one given up on meanwhile must not reach the server now.
    for (const { pair, action } of this.held.splice(0)) if (this.pairs.has(pair)) action();
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    const pair: Pair = { client, upstream, swallowReplies: false, goodbyeOnReady: this.goodbyeNext };
    this.goodbyeNext = false;
    this.pairs.add(pair);
    const connect = () => upstream.connect(this.target.port, this.target.host);
    if (this.mode === 'blackhole') this.held.push({ pair, action: connect });
    else connect();
    client.on('data', (chunk: Buffer) => {
      if (this.swallowMarker && chunk.includes(this.swallowMarker)) {
        pair.swallowReplies = true;
        this.swallowMarker = null;
      }
      this.pass(pair, () => upstream.write(chunk));
    });
    upstream.on('data', (chunk: Buffer) => {
      if (pair.goodbyeOnReady && chunk.subarray(-READY_IDLE.length).equals(READY_IDLE)) {
        pair.goodbyeOnReady = false;
        pair.swallowReplies = true; // the session is over for the client: nothing more reaches it
        client.write(Buffer.concat([chunk, adminShutdown()]));
        return;
      }
      if (!pair.swallowReplies) this.pass(pair, () => client.write(chunk));
    });
    const end = () => this.drop(pair);
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  }

  private pass(pair: Pair, forward: () => void): void {
    if (this.mode === 'blackhole') this.held.push({ pair, action: forward });
    else forward();
  }

  private drop(pair: Pair): void {
    this.pairs.delete(pair);
    pair.client.destroy();
    pair.upstream.destroy();
  }
}
