import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  CloneableError,
  EmbeddedDatabaseWorkerData,
  EmbeddedDatabaseWorkerReply,
  EmbeddedDatabaseWorkerRequest,
} from './run-embedded-database-worker';

/** Options of {@link startEmbeddedDatabase}. */
export interface EmbeddedDatabaseOptions {
  /** Directory holding the data files (created if missing); omit for a throw-away in-memory database. */
  dataDir?: string;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** TCP port; `0` (default) picks a free one. */
  port?: number;
  /**
   * Also serve on the Unix socket `<socketDir>/.s.PGSQL.<port>` (created if missing), which
   * costs the client's thread less than loopback TCP; skipped when the path is too long for a
   * socket (over 103 bytes), in which case {@link EmbeddedDatabase.socketUrl} is undefined.
   */
  socketDir?: string;
  /** Where to report that the database stopped on its own (a crash); `console.error` by default. */
  log?: (line: string) => void;
}

/** A running embedded PostgreSQL (PGlite) reachable over TCP. */
export interface EmbeddedDatabase {
  /** `postgresql://postgres:postgres@<host>:<port>/postgres`, for `pg`, Prisma and `psql`. */
  url: string;
  /** The port actually bound. */
  port: number;
  /**
   * `postgresql://postgres:postgres@localhost:<port>/postgres?host=<socketDir>`: the same
   * database over the Unix socket (`pg` and libpq read `host=/dir` as a socket directory), when
   * `socketDir` was given and the path fits.
   */
  socketUrl?: string;
  /** Disconnects every client, stops listening and closes (flushes) the database. */
  close(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL 18 compiled to WebAssembly) in a worker thread and serves it on a
 * TCP port with the PostgreSQL wire protocol, so the application talks to it exactly as to a
 * real server, and the database's work runs beside the caller's event loop instead of on it.
 * Concurrent connections are safe but run one session at a time (see `servePglite`).
 * Only one process may open a given `dataDir` at a time.
 *
 * Rejects with the worker's own error when the database cannot start (port in use, unreadable
 * data folder). If the worker dies later, the port closes (clients see the database down, like
 * a stopped server) and `log` says why.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const { dataDir, host, port, socketDir, log = (line: string) => console.error(line) } = options;
  if (socketDir !== undefined) await mkdir(socketDir, { recursive: true });
  const data: EmbeddedDatabaseWorkerData = {
    dataDir,
    host,
    port,
    socketDir,
  };
  // A file path the bundler cannot follow: production bundles never reach this module anyway.
  const worker = new Worker(join(__dirname, 'embedded-database-worker.cjs'), {
    workerData: data,
    name: 'embedded database',
  });

  let exitCode: number | undefined;
  let crash: Error | undefined;
  let closing: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );

  const started = await nextReply(worker).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  if (started.type !== 'ready') {
    await worker.terminate();
    throw started.type === 'failed'
      ? revivedError(started.error)
      : new Error(`embedded database worker answered ${started.type} before ready`);
  }

  worker.on('error', (error) => (crash = error));
  void exited.then(() => {
    if (closing !== undefined) return;
    const why = crash === undefined ? `exit code ${exitCode}` : (crash.stack ?? crash.message);
    log(`embedded database (port ${started.port}) stopped unexpectedly: ${why}`);
  });

  return {
    url: started.url,
    port: started.port,
    ...(started.socketUrl === undefined ? {} : { socketUrl: started.socketUrl }),
    close() {
      closing ??= (async () => {
        if (exitCode !== undefined) return;
        const request: EmbeddedDatabaseWorkerRequest = { type: 'close' };
        worker.postMessage(request);
        const reply = await nextReply(worker);
        // The database is flushed and closed; whatever handle is left in the thread can go.
        await worker.terminate();
        if (reply.type === 'close-failed') throw revivedError(reply.error);
      })();
      return closing;
    },
  };
}

/** The worker's next message; rejects if the thread throws or exits first. */
function nextReply(worker: Worker): Promise<EmbeddedDatabaseWorkerReply> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      outcome();
    };
    const onMessage = (reply: EmbeddedDatabaseWorkerReply) => settle(() => resolve(reply));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) =>
      settle(() => reject(new Error(`embedded database worker exited (code ${code})`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

function revivedError({ name, message, stack, properties }: CloneableError): Error {
  const error = Object.assign(new Error(message), properties);
  if (error.name !== name) error.name = name;
  if (stack !== undefined) error.stack = stack;
  return error;
}
