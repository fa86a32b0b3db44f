/**
 * The database restarted mid-load: payment sessions arrive concurrently at green while the
 * embedded PostgreSQL the test owns is closed and started again on the same data folder, port
 * and Unix socket (the stack reaches it over the socket, as `npm start` does). Requests that
 * failed are retried byte for byte as Shopify does until they succeed;
 * afterwards there must be exactly one payment record per Shopify payment session id — none
 * lost, none duplicated. Prints what it injected and what it counted.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@solpay/db';
import { inPool } from '../measured/pay-many';
import { startMeasuredStack, type MeasuredStack } from '../measured/start-measured-stack';

const SESSIONS = 150;
const CONCURRENCY = 25;
/** The database goes down after this many sessions were answered. */
const RESTART_AFTER = 40;
const DOWN_MS = 1500;

let m: MeasuredStack;
let db: EmbeddedDatabase;
let dbDir: string;

beforeAll(async () => {
  dbDir = mkdtempSync(join(tmpdir(), 'solpay-db-restart-'));
  db = await startEmbeddedDatabase({
    dataDir: join(dbDir, 'pgdata'),
    host: '127.0.0.1',
    port: 0,
    socketDir: dbDir,
  });
  if (db.socketUrl === undefined) throw new Error(`socket path too long under ${dbDir}`);
  process.env.DATABASE_URL = db.socketUrl;
  m = await startMeasuredStack();
}, 120_000);

afterAll(async () => {
  await m?.close();
  await db?.close();
  delete process.env.DATABASE_URL;
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
});

describe('database restarted mid-load', () => {
  it(`keeps exactly one record per Shopify id across a restart (${SESSIONS} sessions)`, async () => {
    const sim = m.stack.simulator!;
    let answered = 0;
    let restart: Promise<void> | undefined;
    const restartDatabase = async () => {
      await db.close();
      await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
      db = await startEmbeddedDatabase({
        dataDir: join(dbDir, 'pgdata'),
        host: '127.0.0.1',
        port: db.port,
        socketDir: dbDir,
      });
    };

    const first = await inPool(SESSIONS, CONCURRENCY, async () => {
      const placed = await sim.placeOrder({ amount: '4.20' });
      answered += 1;
      if (answered === RESTART_AFTER) restart = restartDatabase();
      return { orderId: placed.order.id, status: placed.status };
    });
    await restart;
    const failedFirst = first.filter((o) => o.status !== 201);

    // Shopify retries a failed payment session with the same body until it gets a 2xx.
    const retries: number[] = [];
    for (const order of failedFirst) {
      let tries = 0;
      for (;;) {
        tries += 1;
        const again = await sim.resendPaymentSession(order.orderId);
        if (again.status === 201) break;
        if (tries >= 20) throw new Error(`order ${order.orderId} still ${again.status}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      retries.push(tries);
    }
    // Every session is delivered once more (a duplicate delivery must change nothing).
    const resent = await inPool(first.length, CONCURRENCY, (i) =>
      sim.resendPaymentSession(first[i]!.orderId),
    );

    const ids = sim.orders().map((o) => o.paymentSessions.at(-1)!.id);
    const rows = await m.stack.prisma.paymentRecord.groupBy({
      by: ['shopifyId'],
      where: { shopifyId: { in: ids } },
      _count: true,
    });
    const duplicated = rows.filter((r) => r._count !== 1);
    const total = await m.stack.prisma.paymentRecord.count();
    const redirects = new Set(resent.map((r) => r.redirectUrl));
    const firstStatuses: Record<string, number> = {};
    for (const o of first) firstStatuses[o.status] = (firstStatuses[o.status] ?? 0) + 1;
    console.log(
      `injected: embedded PostgreSQL closed after ${RESTART_AFTER} of ${SESSIONS} concurrent payment sessions (${CONCURRENCY} in flight), down ${DOWN_MS} ms, restarted on the same data folder, port and socket\n` +
        `counted: first answers ${JSON.stringify(firstStatuses)}; ${failedFirst.length} sessions retried ` +
        `(${retries.reduce((a, b) => a + b, 0)} resends until 201); a final resend of all answered ` +
        `${[...new Set(resent.map((r) => r.status))].join('/')} with ${redirects.size} distinct redirect URLs; ` +
        `records: ${total} total, ${rows.length} Shopify ids present, ${duplicated.length} duplicated, ${SESSIONS - rows.length} missing`,
    );
    expect(failedFirst.length).toBeGreaterThan(0);
    expect(resent.every((r) => r.status === 201)).toBe(true);
    expect(redirects.size).toBe(SESSIONS);
    expect(rows).toHaveLength(SESSIONS);
    expect(duplicated).toEqual([]);
    expect(total).toBe(SESSIONS);
  }, 180_000);
});
