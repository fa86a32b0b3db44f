import { readFileSync } from 'node:fs';
import { Keypair } from '@solana/web3.js';

/** Reads a Solana CLI keypair file (a JSON array of 64 numbers). */
export function readKeypair(path: string): Keypair {
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(path, 'utf8')) as number[]));
}
