/** Prisma error codes meaning "the database is unreachable or overloaded", not "the query is wrong". */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** Driver/socket messages of a database connection that went away. */
const UNAVAILABLE_MESSAGES =
  /Can't reach database server|Connection terminated|ECONNREFUSED|ECONNRESET|Connection closed|Timed out fetching a new connection|Unable to start a transaction in the given time/i;

/**
 * Whether an error that is not ours says a dependency (the database) is unavailable — a 503
 * the caller may retry (Shopify retries session requests) — rather than a bug (500). Matched
 * by Prisma's documented codes and the driver's connection messages, so this package needs no
 * Prisma import.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_PRISMA_CODES.has(code)) return true;
  if (error.name === 'PrismaClientInitializationError') return true;
  return UNAVAILABLE_MESSAGES.test(error.message);
}
