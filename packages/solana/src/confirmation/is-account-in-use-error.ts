import type { TransactionError } from '@solana/web3.js';

/**
 * Whether a transaction error is `InstructionError[index, Custom(0)]` — for a System program
 * `createAccount`, `AccountAlreadyInUse`: the guard was consumed (or pre-funded) before.
 *
 * @param error - `meta.err` / a signature status `err` / a simulation `err`.
 * @param instructionIndex - The index of the guard instruction, when it must match.
 */
export function isAccountInUseError(
  error: TransactionError | null | undefined,
  instructionIndex?: number,
): boolean {
  if (!error || typeof error !== 'object' || !('InstructionError' in error)) return false;
  const detail: unknown = (error as { InstructionError: unknown }).InstructionError;
  if (!Array.isArray(detail) || detail.length !== 2) return false;
  const [index, inner] = detail as [unknown, unknown];
  if (instructionIndex !== undefined && index !== instructionIndex) return false;
  return (
    typeof inner === 'object' && inner !== null && (inner as { Custom?: unknown }).Custom === 0
  );
}
