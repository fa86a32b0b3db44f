import { Keypair } from '@solana/web3.js';
import { AppError, BadRequestError, ValidationError } from '@solpay/lambda';
import { parseTransactionRequestAccount } from './parse-transaction-request-account';

function errorOf(body: unknown): AppError {
  try {
    parseTransactionRequestAccount(body);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('parseTransactionRequestAccount', () => {
  it('returns the account and tolerates extra fields', () => {
    const key = Keypair.generate().publicKey;
    expect(parseTransactionRequestAccount({ account: key.toBase58(), extra: 1 }).equals(key)).toBe(
      true,
    );
  });

  it('rejects a missing account with 400 "Missing account"', () => {
    for (const body of [{}, { account: null }, { account: '' }, null, 'text', []]) {
      const error = errorOf(body);
      expect(error.status).toBe(400);
      expect(error.message).toBe('Missing account');
    }
    expect(errorOf(null)).toBeInstanceOf(BadRequestError);
    expect(errorOf({})).toBeInstanceOf(ValidationError);
  });

  it('rejects non-base58 text', () => {
    for (const account of ['0OIl-not-base58', 'abc def', 42]) {
      const error = errorOf({ account });
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.status).toBe(400);
      expect(error.message).toBe('Invalid account: not base58');
    }
  });

  it('rejects a 31-byte key as the wrong length', () => {
    const short = Keypair.generate().publicKey.toBase58().slice(0, 40);
    const error = errorOf({ account: short });
    expect(error.message).toBe('Invalid account: wrong length');
    expect(error.status).toBe(400);
  });
});
