import { describe, expect, it } from '@jest/globals';
import { encodeTransactionRequestUrl } from '@solpay/solana';
import { transactionRequestLink } from './transaction-request-link';

describe('transactionRequestLink', () => {
  it('reads a plain link (no query string)', () => {
    const link = 'https://pay.example.com/tx/payment/3f1c2a9e-2b7d-4f0e-9a51-2c6a7f0e8d11';
    expect(transactionRequestLink(encodeTransactionRequestUrl(link))).toBe(link);
  });

  it('decodes a URL-encoded link with a query string', () => {
    const link = 'https://pay.example.com/tx?payment=abc&x=1';
    expect(transactionRequestLink(encodeTransactionRequestUrl(link))).toBe(link);
  });

  it('ignores Solana Pay label/message params after the link', () => {
    expect(
      transactionRequestLink('solana:https://pay.example.com/tx/1?label=Shop&message=Hi'),
    ).toBe('https://pay.example.com/tx/1');
  });

  it('returns undefined for transfer requests and non-http links', () => {
    expect(
      transactionRequestLink('solana:9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin?amount=1'),
    ).toBeUndefined();
    expect(transactionRequestLink('solana:javascript%3Aalert(1)')).toBeUndefined();
    expect(transactionRequestLink('https://pay.example.com/tx/1')).toBeUndefined();
    expect(transactionRequestLink('solana:%E0%A4%A')).toBeUndefined();
  });
});
