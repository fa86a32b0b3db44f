import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Keypair } from '@solana/web3.js';
import * as z from 'zod';

const keypairFileSchema = z.array(z.number().int().min(0).max(255)).length(64);

/**
 * Reads the keypair stored at `dir/name.json` (Solana CLI format: a JSON array of the 64
 * secret-key bytes), or creates, writes (mode 0600) and returns a new one.
 */
export async function loadOrCreateKeypair(
  dir: string,
  name: string,
): Promise<{ keypair: Keypair; path: string }> {
  const path = join(dir, `${name}.json`);
  if (existsSync(path)) {
    const bytes = keypairFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    return { keypair: Keypair.fromSecretKey(Uint8Array.from(bytes)), path };
  }
  await mkdir(dir, { recursive: true });
  const keypair = Keypair.generate();
  await writeFile(path, JSON.stringify(Array.from(keypair.secretKey)), { mode: 0o600 });
  return { keypair, path };
}
