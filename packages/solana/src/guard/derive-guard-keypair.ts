import { createHmac } from 'node:crypto';
import { Keypair } from '@solana/web3.js';
import { ed25519PublicKey } from '../keys/ed25519-public-key';

/** What a guard protects: a payment session or a refund session. */
export type GuardKind = 'payment' | 'refund';

/** Inputs of {@link deriveGuardKeypair}. */
export interface DeriveGuardKeypairInput {
  /** `SINGLE_USE_SECRET`: the server secret that makes the key unforgeable (≥ 16 bytes). */
  secret: string | Uint8Array;
  /** The shop domain, e.g. `acme.myshopify.com` (must not contain `|`). */
  shop: string;
  /** Payment or refund. */
  kind: GuardKind;
  /** Shopify's session `id` (the record's idempotency key). */
  shopifyId: string;
  /** Starts at 0; moves to the next value when a third party pre-funded the guard. */
  generation: number;
}

/**
 * Derives the single-use guard keypair of one record and generation (ADR 0002):
 * `seed = HMAC-SHA256(secret, "single-use/v1|" + shop + "|" + kind + "|" + shopifyId + "|" + generation)`,
 * `Keypair.fromSeed(seed)`. Deterministic, so nothing is stored per record; keyed, so only the
 * server can sign for the guard.
 *
 * @throws {RangeError} on an empty or short secret, a `|` in `shop`, or a bad generation.
 */
export function deriveGuardKeypair({
  secret,
  shop,
  kind,
  shopifyId,
  generation,
}: DeriveGuardKeypairInput): Keypair {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < 16) throw new RangeError('The single-use secret must be at least 16 bytes');
  // The shop is the only free-form part before the id, so keeping `|` out of it makes the
  // message unambiguous (kind is fixed and the generation is digits after the last `|`).
  if (!shop || shop.includes('|')) throw new RangeError('Invalid shop domain for a guard key');
  if (kind !== 'payment' && kind !== 'refund')
    throw new RangeError(`Invalid guard kind: ${String(kind)}`);
  if (!shopifyId) throw new RangeError('A guard key needs the Shopify id');
  if (!Number.isSafeInteger(generation) || generation < 0) {
    throw new RangeError(`Invalid guard generation: ${generation}`);
  }
  const message = `single-use/v1|${shop}|${kind}|${shopifyId}|${generation}`;
  const seed = createHmac('sha256', key).update(message, 'utf8').digest();
  // `Keypair.fromSeed` would derive the public key with web3.js's JavaScript curve code, which
  // builds its tables at the first use in a process (~100 ms of a cold start).
  return Keypair.fromSecretKey(Buffer.concat([seed, ed25519PublicKey(seed)]), {
    skipValidation: true,
  });
}
