import { unlink } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue';

/**
 * Longest Unix socket path `listen` accepts: `sun_path` holds 108 bytes on Linux (104 on macOS),
 * terminating NUL included; the smaller limit keeps one rule everywhere.
 */
const MAX_SOCKET_PATH_BYTES = 103;

/** A TCP listener (and optionally a Unix socket) speaking the PostgreSQL wire protocol for one PGlite instance. */
export interface PgliteListener {
  /** `postgresql://` connection string over TCP, for `pg`, Prisma and `psql`. */
  url: string;
  /** The port actually bound. */
  port: number;
  /**
   * Connection string over the Unix socket (`?host=<socketDir>`, libpq's convention, which `pg`
   * follows), when a socket was asked for and its path fits; otherwise undefined.
   */
  socketUrl?: string;
  /** Disconnects every client and stops listening; the PGlite instance stays open. */
  close(): Promise<void>;
}

/**
 * Serves an open PGlite instance on `host:port` (port `0` picks a free one) and, with
 * `socketDir`, also on the Unix socket `<socketDir>/.s.PGSQL.<port>` (PostgreSQL's file name, so
 * `psql -h <socketDir> -p <port>` finds it). A socket file left by a process that was killed is
 * replaced; the TCP port, bound first, is what keeps two live servers apart.
 *
 * Any number of clients may connect; their sessions are serialised (see {@link SessionQueue}),
 * so a connection holding an open transaction makes the others wait until it commits or rolls back.
 */
export async function servePglite(
  db: PGlite,
  {
    host = '127.0.0.1',
    port = 0,
    socketDir,
  }: { host?: string; port?: number; socketDir?: string } = {},
): Promise<PgliteListener> {
  // SessionQueue provides the three methods the handler calls; the declared type is a private class.
  const queryQueue = new SessionQueue(db) as unknown as PGLiteSocketHandlerOptions['queryQueue'];
  const handlers = new Set<PGLiteSocketHandler>();

  const onConnection = (socket: Socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  };

  const tcp = createServer(onConnection);
  await listen(tcp, (done) => tcp.listen(port, host, done));
  const boundPort = (tcp.address() as AddressInfo).port;
  const servers: Server[] = [tcp];

  let socketUrl: string | undefined;
  const socketPath = socketDir === undefined ? undefined : join(socketDir, `.s.PGSQL.${boundPort}`);
  if (socketPath !== undefined && Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH_BYTES) {
    const local = createServer(onConnection);
    try {
      await unlink(socketPath).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await listen(local, (done) => local.listen(socketPath, done));
    } catch (error) {
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      throw error;
    }
    servers.push(local);
    const hostParam = encodeURIComponent(socketDir ?? '').replaceAll('%2F', '/');
    socketUrl = `postgresql://postgres:postgres@localhost:${boundPort}/postgres?host=${hostParam}`;
  }

  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `postgresql://postgres:postgres@${urlHost}:${boundPort}/postgres`,
    port: boundPort,
    ...(socketUrl === undefined ? {} : { socketUrl }),
    close() {
      closing ??= (async () => {
        // Closing a Unix socket server also removes its file.
        const closed = servers.map(
          (server) => new Promise<void>((resolve) => server.close(() => resolve())),
        );
        await Promise.all([...handlers].map((handler) => handler.detach(true)));
        handlers.clear();
        await Promise.all(closed);
      })();
      return closing;
    },
  };
}

function listen(server: Server, start: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    start(() => {
      server.off('error', reject);
      resolve();
    });
  });
}
