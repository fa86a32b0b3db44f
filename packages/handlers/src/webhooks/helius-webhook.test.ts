import { describe, expect, it } from '@jest/globals';
import { heliusSignatures, heliusWebhookPayloadSchema } from './helius-webhook-payload';
import { isHeliusAuthorized } from './is-helius-authorized';

const SIG_A = '5'.repeat(88);
const SIG_B = '4'.repeat(87);

describe('heliusWebhookPayloadSchema', () => {
  it('reads raw and enhanced items, tolerating extra fields, and dedupes signatures', () => {
    const parsed = heliusWebhookPayloadSchema.parse([
      { signature: SIG_A, type: 'TRANSFER', tokenTransfers: [], extra: { nested: true } },
      { slot: 1, meta: { err: null }, transaction: { signatures: [SIG_B, SIG_A], message: {} } },
      { signature: SIG_A },
    ]);
    expect(heliusSignatures(parsed)).toEqual([SIG_A, SIG_B]);
  });

  it.each([
    ['an object instead of an array', { signature: SIG_A }],
    ['an item without a signature', [{ type: 'TRANSFER' }]],
    ['a raw item with no signatures', [{ transaction: { signatures: [] } }]],
    ['a signature that is not base58', [{ signature: 'not a signature 0OIl'.padEnd(70, '0') }]],
    ['more than 100 items', Array.from({ length: 101 }, () => ({ signature: SIG_A }))],
  ])('refuses %s', (_label, body) => {
    expect(heliusWebhookPayloadSchema.safeParse(body).success).toBe(false);
  });

  it('accepts an empty delivery', () => {
    expect(heliusSignatures(heliusWebhookPayloadSchema.parse([]))).toEqual([]);
  });
});

describe('isHeliusAuthorized', () => {
  const secret = 'a-long-random-webhook-secret';
  it('accepts exactly the secret', () => {
    expect(isHeliusAuthorized(secret, secret)).toBe(true);
  });
  it.each([undefined, '', 'wrong', `${secret} `, `Bearer ${secret}`, secret.slice(0, -1)])(
    'refuses %j',
    (header) => {
      expect(isHeliusAuthorized(header, secret)).toBe(false);
    },
  );
});
