import type { Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from './running-server';

/** Servers with `closeAllConnections` (node:http / node:https). */
type ClosableServer = Server & { closeAllConnections?: () => void };

/**
 * Binds `server` to `host:port` (port 0 picks a free one) and returns a {@link RunningServer}
 * whose URL uses `urlHost` (default `localhost`, which the dev server certificate covers).
 */
export async function listenServer(
  server: ClosableServer,
  options: { host: string; port: number; scheme: 'http' | 'https'; urlHost?: string },
): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `${options.scheme}://${options.urlHost ?? 'localhost'}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      return closing;
    },
  };
}
