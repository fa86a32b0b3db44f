import { Keypair } from '@solana/web3.js';
import { parseTransactionRequestAccount } from './parse-transaction-request-account';
import { DomainError, InvalidInputError, MalformedRequestError } from '@solpay/domain';

/** The classes the purple route answers with 400 (`packages/lambda`'s error table). */
const READ_AS_400: unknown[] = [MalformedRequestError, InvalidInputError];

function errorOf(body: unknown): DomainError {
  try {
    parseTransactionRequestAccount(body);
  } catch (error) {
    if (error instanceof DomainError) return error;
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
      expect(READ_AS_400).toContain(error.constructor);
      expect(error.message).toBe('Missing account');
    }
    expect(errorOf(null)).toBeInstanceOf(MalformedRequestError);
    expect(errorOf({})).toBeInstanceOf(InvalidInputError);
  });

  it('rejects non-base58 text', () => {
    for (const account of ['0OIl-not-base58', 'abc def', 42]) {
      const error = errorOf({ account });
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(READ_AS_400).toContain(error.constructor);
      expect(error.message).toBe('Invalid account: not base58');
    }
  });

  it('rejects a 31-byte key as the wrong length', () => {
    const short = Keypair.generate().publicKey.toBase58().slice(0, 40);
    const error = errorOf({ account: short });
    expect(error.message).toBe('Invalid account: wrong length');
    expect(READ_AS_400).toContain(error.constructor);
  });
});
