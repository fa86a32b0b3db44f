/**
 * Fault injection on discovery, on the local stack: Helius webhooks delivered before the
 * transaction exists, duplicated and concurrent; RPC errors and timeouts while the app checks
 * the chain. Nothing may be marked paid without chain proof, and every paid order must be
 * resolved at Shopify exactly once. Each test prints what it injected and what it counted.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { retryQueueWorker, scheduleWorker } from '../index';
import { eventually, placeAndSign, sendAndFinalize } from '../measured/pay-order';
import { startMeasuredStack, type MeasuredStack } from '../measured/start-measured-stack';

let m: MeasuredStack;
/** What the webhook answered while the RPC failed (checked by the last test). */
const rpcOutageAnswers: number[] = [];

beforeAll(async () => {
  m = await startMeasuredStack({
    workers: [retryQueueWorker, scheduleWorker({ functionName: 'outboxSweep', intervalMs: 2000 })],
  });
}, 120_000);

afterAll(async () => {
  m?.stack.chain?.setRpcFault(null);
  await m?.close();
});

const chain = () => m.stack.chain!;
const resolvesFor = (gid: string) =>
  m.stack
    .simulator!.mutations()
    .filter((x) => x.mutation === 'paymentSessionResolve' && x.variables.id === gid);
const successfulResolves = (gid: string) =>
  resolvesFor(gid).filter((x) => x.answeredWith === 'success');
const paymentStatus = async (id: string) =>
  (await m.stack.prisma.paymentRecord.findUniqueOrThrow({ where: { id } })).status;
const webhook = (signatures: string[]) =>
  m.purple.call({
    method: 'POST',
    path: '/webhooks/helius',
    headers: {
      'content-type': 'application/json',
      authorization: process.env.HELIUS_WEBHOOK_SECRET ?? '',
    },
    body: JSON.stringify(signatures.map((signature) => ({ signature }))),
  });

describe('discovery under faults', () => {
  it('webhooks before the transaction exists, then duplicated ×8 concurrently: paid once, resolved once', async () => {
    const order = await placeAndSign(m, chain().buyer);
    const early = await Promise.all([webhook([order.signature]), webhook([order.signature])]);
    const earlyStatus = await paymentStatus(order.paymentId);
    await sendAndFinalize(m.stack.urls.rpc, order.transaction);
    const dupes = await Promise.all(Array.from({ length: 8 }, () => webhook([order.signature])));
    await eventually('the resolve', async () =>
      successfulResolves(order.gid).length ? true : undefined,
    );
    // Late duplicates after the resolve went out change nothing either.
    await Promise.all(Array.from({ length: 3 }, () => webhook([order.signature, order.signature])));
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const settled = dupes.filter((d) => (d.body as { settled?: number }).settled === 1).length;
    console.log(
      `injected: 2 webhooks before the transaction was sent, 8 concurrent duplicates after it finalized, 3 late double deliveries\n` +
        `counted: early answers ${early.map((e) => e.status).join('/')} with status ${earlyStatus}; ` +
        `${settled}/8 concurrent deliveries reported "settled"; record ${await paymentStatus(order.paymentId)}; ` +
        `paymentSessionResolve calls ${resolvesFor(order.gid).length}, successful ${successfulResolves(order.gid).length}`,
    );
    expect(early.every((e) => e.status === 200)).toBe(true);
    expect(earlyStatus).toBe('OPEN');
    expect(settled).toBeLessThanOrEqual(1);
    expect(await paymentStatus(order.paymentId)).toBe('PAID');
    expect(successfulResolves(order.gid)).toHaveLength(1);
  }, 90_000);

  it('RPC errors and timeouts during discovery: no false "paid", then eventual success', async () => {
    const order = await placeAndSign(m, chain().buyer);
    await sendAndFinalize(m.stack.urls.rpc, order.transaction);
    const methods = ['getTransaction', 'getSignatureStatuses', 'getParsedTransaction'];

    chain().setRpcFault({ kind: 'error', methods, count: 40 });
    const duringErrors = await Promise.all([
      webhook([order.signature]),
      webhook([order.signature]),
    ]);
    const statusAfterErrors = await paymentStatus(order.paymentId);

    chain().setRpcFault({ kind: 'timeout', methods, count: 2 });
    const duringTimeout = await webhook([order.signature]);
    const statusAfterTimeout = await paymentStatus(order.paymentId);
    chain().setRpcFault(null);

    const resolvesDuringFaults = resolvesFor(order.gid).length;
    const recovered = await webhook([order.signature]);
    await eventually('the resolve', async () =>
      successfulResolves(order.gid).length ? true : undefined,
    );

    console.log(
      `injected: RPC 503 on ${methods.join(', ')} (40 requests) during 2 webhooks, then 2 hanging RPC requests during 1 webhook\n` +
        `counted: answers during errors ${duringErrors.map((d) => d.status).join('/')} (record ${statusAfterErrors}), ` +
        `during timeout ${duringTimeout.status} (record ${statusAfterTimeout}), resolves sent during faults ${resolvesDuringFaults}; ` +
        `after recovery ${recovered.status} ${JSON.stringify(recovered.body)}, record ${await paymentStatus(order.paymentId)}, ` +
        `successful resolves ${successfulResolves(order.gid).length}`,
    );
    expect(statusAfterErrors).toBe('OPEN');
    expect(statusAfterTimeout).toBe('OPEN');
    expect(resolvesDuringFaults).toBe(0);
    rpcOutageAnswers.push(...duringErrors.map((d) => d.status), duringTimeout.status);
    expect(await paymentStatus(order.paymentId)).toBe('PAID');
    expect(successfulResolves(order.gid)).toHaveLength(1);
  }, 120_000);

  it('an RPC outage is reported as 503 UPSTREAM_UNAVAILABLE (retryable), not as a 500 internal error', () => {
    expect(rpcOutageAnswers.length).toBeGreaterThan(0);
    expect(rpcOutageAnswers.filter((status) => status !== 503)).toEqual([]);
  });
});
