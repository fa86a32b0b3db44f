import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue';

/** A TCP listener speaking the PostgreSQL wire protocol for one PGlite instance. */
export interface PgliteListener {
  /** `postgresql://` connection string for `pg`, Prisma and `psql`. */
  url: string;
  /** The port actually bound. */
  port: number;
  /** Disconnects every client and stops listening; the PGlite instance stays open. */
  close(): Promise<void>;
}

/**
 * Serves an open PGlite instance on `host:port` (port `0` picks a free one).
 *
 * Any number of clients may connect; their sessions are serialised (see {@link SessionQueue}),
 * so a connection holding an open transaction makes the others wait until it commits or rolls back.
 */
export async function servePglite(
  db: PGlite,
  { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {},
): Promise<PgliteListener> {
  // SessionQueue provides the three methods the handler calls; the declared type is a private class.
  const queryQueue = new SessionQueue(db) as unknown as PGLiteSocketHandlerOptions['queryQueue'];
  const handlers = new Set<PGLiteSocketHandler>();

  const server = createServer((socket: Socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const boundPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `postgresql://postgres:postgres@${urlHost}:${boundPort}/postgres`,
    port: boundPort,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...handlers].map((handler) => handler.detach(true)));
        handlers.clear();
        await closed;
      })();
      return closing;
    },
  };
}
