import { connect, type Socket } from 'node:net';

/**
 * A TCP connection to the app that writes HTTP by hand: for what fetch cannot do — send a body one
 * byte at a time, stop half-way through, or leave a connection waiting.
 */
export class RawConnection {
  readonly socket: Socket;
  /** Everything the server has sent so far. */
  received = '';
  /** Resolves with the time (ms since opening) when the server closed the connection. */
  readonly closed: Promise<number>;
  private readonly opened = Date.now();

  constructor(url: string) {
    const { hostname, port } = new URL(url);
    this.socket = connect(Number(port), hostname);
    this.socket.setEncoding('latin1');
    this.socket.on('data', (chunk: string) => (this.received += chunk));
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.on('close', () => resolve(Date.now() - this.opened)));
  }

  write(text: string): void {
    if (!this.socket.destroyed) this.socket.write(text);
  }

  /** Waits until the server's answer has a status line (or `ms` passed: then null). */
  async status(ms: number): Promise<number | null> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(this.received);
      if (match) return Number(match[1]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return null;
  }

  close(): void {
    this.socket.destroy();
  }
}
