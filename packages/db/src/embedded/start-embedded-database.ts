import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { servePglite } from './serve-pglite';

/** Options of {@link startEmbeddedDatabase}. */
export interface EmbeddedDatabaseOptions {
  /** Directory holding the data files (created if missing); omit for a throw-away in-memory database. */
  dataDir?: string;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** TCP port; `0` (default) picks a free one. */
  port?: number;
}

/** A running embedded PostgreSQL (PGlite) reachable over TCP. */
export interface EmbeddedDatabase {
  /** `postgresql://postgres:postgres@<host>:<port>/postgres`, for `pg`, Prisma and `psql`. */
  url: string;
  /** The port actually bound. */
  port: number;
  /** Disconnects every client, stops listening and closes (flushes) the database. */
  close(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL 18 compiled to WebAssembly) and serves it on a TCP port with the
 * PostgreSQL wire protocol, so the application talks to it exactly as to a real server.
 * Concurrent connections are safe but run one session at a time (see `servePglite`).
 * Only one process may open a given `dataDir` at a time.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const { dataDir, host, port } = options;
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  let listener;
  try {
    listener = await servePglite(db, { host, port });
  } catch (error) {
    await db.close();
    throw error;
  }
  const { url, port: boundPort } = listener;
  let closing: Promise<void> | undefined;
  return {
    url,
    port: boundPort,
    close() {
      closing ??= listener.close().finally(() => db.close());
      return closing;
    },
  };
}
