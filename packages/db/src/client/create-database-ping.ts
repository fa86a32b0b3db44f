import pg from 'pg';

/** A database probe: `ping` runs `SELECT 1`, `end` closes its connection. */
export interface DatabasePing {
  /** Resolves when the database answers `SELECT 1`; rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** Closes the probe's connection. */
  end(): Promise<void>;
}

/**
 * A probe on a one-connection `pg` pool of its own at `url`, kept between calls and replaced
 * when it breaks. Plain `pg`, not Prisma: a health check needs one statement, and a function
 * that only probes skips loading Prisma's client and query compiler at its cold start (issue 12).
 */
export function createDatabasePing(url: string): DatabasePing {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  // An idle connection that breaks is dropped by the pool and replaced at the next ping; without
  // a listener it would crash the process.
  pool.on('error', () => undefined);
  return {
    ping: async () => {
      await pool.query('SELECT 1');
    },
    end: () => pool.end(),
  };
}
