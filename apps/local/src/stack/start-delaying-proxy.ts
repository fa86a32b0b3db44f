import net from 'node:net';

/** Options of {@link startDelayingProxy}. */
export interface DelayingProxyOptions {
  /** Where connections are forwarded. */
  target: { host: string; port: number };
  /** Added to every round trip: each chunk towards the target waits this long. */
  delayMs: number;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Port (default 0: any free one). */
  port?: number;
}

/** A running {@link startDelayingProxy}. */
export interface DelayingProxy {
  host: string;
  port: number;
  /** Stops accepting and destroys every open connection. */
  close(): Promise<void>;
}

/**
 * A TCP proxy that delays every chunk sent towards the target by `delayMs`, so that each
 * request/answer round trip over it (a PostgreSQL statement) takes that much longer, as it does
 * between a Lambda and RDS. Order is kept: chunks leave in the order they arrived.
 */
export async function startDelayingProxy(options: DelayingProxyOptions): Promise<DelayingProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(options.target.port, options.target.host);
    sockets.add(client).add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on('data', (chunk) => {
      setTimeout(() => {
        if (!upstream.destroyed) upstream.write(chunk);
      }, options.delayMs);
    });
    client.on('end', () => setTimeout(() => upstream.end(), options.delayMs));
    upstream.pipe(client);
    const drop = (socket: net.Socket) => () => {
      sockets.delete(socket);
      (socket === client ? upstream : client).destroy();
    };
    client.on('close', drop(client));
    upstream.on('close', drop(upstream));
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    host,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
