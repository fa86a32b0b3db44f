import { PublicKey } from '@solana/web3.js';
import * as z from 'zod';
import { InvalidInputError, MalformedRequestError } from '@solpay/domain';

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

/** The POST body of a Solana Pay transaction request; extra fields are tolerated (spec B.2). */
export const transactionRequestBodySchema = z.looseObject({ account: z.string() });

/** The POST body of a Solana Pay transaction request. */
export type TransactionRequestBody = z.infer<typeof transactionRequestBodySchema>;

/**
 * Reads the wallet's `account` from a transaction-request POST body (already JSON-parsed).
 *
 * @returns The account as a public key: the wallet that will sign (and pay, for a payment).
 * @throws {MalformedRequestError} "Missing account" when the body is not a JSON object.
 * @throws {InvalidInputError} "Missing account", "Invalid account: not base58" or
 *   "Invalid account: wrong length" (all 400; the message is shown in the wallet).
 */
export function parseTransactionRequestAccount(body: unknown): PublicKey {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MalformedRequestError('Missing account');
  }
  const parsed = transactionRequestBodySchema.safeParse(body);
  if (!parsed.success) {
    const missing = !('account' in body) || (body as { account?: unknown }).account == null;
    throw new InvalidInputError(missing ? 'Missing account' : 'Invalid account: not base58', {
      details: { path: ['account'] },
    });
  }
  const { account } = parsed.data;
  if (account === '')
    throw new InvalidInputError('Missing account', { details: { path: ['account'] } });
  if (!BASE58.test(account)) {
    throw new InvalidInputError('Invalid account: not base58', { details: { path: ['account'] } });
  }
  try {
    return new PublicKey(account);
  } catch {
    throw new InvalidInputError('Invalid account: wrong length', {
      details: { path: ['account'] },
    });
  }
}
