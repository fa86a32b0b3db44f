import { mkdir } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { servePglite, type PgliteListener } from './serve-pglite';

/** What `startEmbeddedDatabase` hands the worker (`workerData`). */
export interface EmbeddedDatabaseWorkerData {
  dataDir?: string;
  host?: string;
  port?: number;
  /** Directory of the Unix socket served beside the TCP port (see `servePglite`). */
  socketDir?: string;
}

/**
 * An error as it crosses the thread boundary: structured cloning keeps an Error's name, message
 * and stack but drops `code`, `errno`, `syscall`, `address` and `port`, which callers match on
 * (e.g. `EADDRINUSE`), so those travel as plain properties.
 */
export interface CloneableError {
  name: string;
  message: string;
  stack?: string;
  properties: Record<string, unknown>;
}

/** Messages the worker posts: one `ready` or `failed`, then, after a `close` request, one `closed` or `close-failed`. */
export type EmbeddedDatabaseWorkerReply =
  | { type: 'ready'; url: string; port: number; socketUrl?: string }
  | { type: 'failed'; error: CloneableError }
  | { type: 'closed' }
  | { type: 'close-failed'; error: CloneableError };

/** The one message the worker accepts: flush and stop. */
export interface EmbeddedDatabaseWorkerRequest {
  type: 'close';
}

/**
 * Body of the embedded database's worker thread: opens PGlite on `workerData.dataDir` (in memory
 * without one), serves it with {@link servePglite}, reports `ready` with the bound address, and
 * on `close` disconnects every client and closes (flushes) the database before reporting back.
 */
export async function runEmbeddedDatabaseWorker(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('runEmbeddedDatabaseWorker runs in a worker thread only');
  const post = (reply: EmbeddedDatabaseWorkerReply) => port.postMessage(reply);
  const { dataDir, host, port: tcpPort, socketDir } = workerData as EmbeddedDatabaseWorkerData;

  let db: PGlite;
  let listener: PgliteListener;
  try {
    if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
    db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
    try {
      listener = await servePglite(db, { host, port: tcpPort, socketDir });
    } catch (error) {
      await db.close();
      throw error;
    }
  } catch (error) {
    post({ type: 'failed', error: cloneableError(error) });
    return;
  }

  port.once('message', (_request: EmbeddedDatabaseWorkerRequest) => {
    listener
      .close()
      .finally(() => db.close())
      .then(
        () => post({ type: 'closed' }),
        (error: unknown) => post({ type: 'close-failed', error: cloneableError(error) }),
      );
  });
  post({
    type: 'ready',
    url: listener.url,
    port: listener.port,
    ...(listener.socketUrl === undefined ? {} : { socketUrl: listener.socketUrl }),
  });
}

function cloneableError(error: unknown): CloneableError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), properties: {} };
  }
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      properties[key] = value;
    }
  }
  return { name: error.name, message: error.message, stack: error.stack, properties };
}
