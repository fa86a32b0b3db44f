import { randomBytes } from 'node:crypto';

/**
 * Source of random bytes for keys, nonces and tokens (Solana Pay reference keys, OAuth `state`,
 * CSRF tokens), passed in like the {@link Clock} so tests and replays are deterministic.
 */
export interface RandomSource {
  /** `size` bytes from a cryptographically secure generator. */
  bytes(size: number): Uint8Array;
}

/** The operating system's CSPRNG (`crypto.randomBytes`): the production default. */
export const systemRandom: RandomSource = { bytes: (size) => randomBytes(size) };
