import { ComputeBudgetProgram, type VersionedMessage } from '@solana/web3.js';

/** Lamports charged per signature (the cluster default). */
export const LAMPORTS_PER_SIGNATURE = 5_000n;
const DEFAULT_UNITS_PER_INSTRUCTION = 200_000n;
const MAX_UNITS = 1_400_000n;

/**
 * Fee for a message: 5,000 lamports per required signature plus the priority fee
 * (`computeUnitPrice` micro-lamports × compute-unit limit, rounded up).
 */
export function feeForMessage(message: VersionedMessage): bigint {
  const budgetProgram = ComputeBudgetProgram.programId.toBase58();
  let unitLimit: bigint | null = null;
  let microLamportsPerUnit = 0n;
  let otherInstructions = 0n;
  for (const ix of message.compiledInstructions) {
    const program = message.staticAccountKeys[ix.programIdIndex]?.toBase58();
    if (program !== budgetProgram) {
      otherInstructions += 1n;
      continue;
    }
    const data = Buffer.from(ix.data);
    if (data[0] === 2 && data.length >= 5) unitLimit = BigInt(data.readUInt32LE(1));
    if (data[0] === 3 && data.length >= 9) microLamportsPerUnit = data.readBigUInt64LE(1);
  }
  const units =
    unitLimit ??
    (otherInstructions * DEFAULT_UNITS_PER_INSTRUCTION > MAX_UNITS
      ? MAX_UNITS
      : otherInstructions * DEFAULT_UNITS_PER_INSTRUCTION);
  const priority = (microLamportsPerUnit * units + 999_999n) / 1_000_000n;
  return LAMPORTS_PER_SIGNATURE * BigInt(message.header.numRequiredSignatures) + priority;
}
