import { parseURL } from '@solana/pay';
import { encodeTransactionRequestUrl } from './encode-transaction-request-url';
import { TRANSACTION_REQUEST_CORS_HEADERS } from './transaction-request-cors-headers';
import { transactionRequestErrorBody } from './transaction-request-error-body';
import { transactionRequestMetadata } from './transaction-request-metadata';
import { MisconfigurationError, StateConflictError, UnknownRecordError } from '@solpay/domain';

describe('transactionRequestMetadata', () => {
  it('answers label and icon', () => {
    expect(
      transactionRequestMetadata({
        label: 'Acme Store',
        iconUrl: 'https://cdn.example.com/icon.svg',
      }),
    ).toEqual({
      label: 'Acme Store',
      icon: 'https://cdn.example.com/icon.svg',
    });
  });

  it('refuses icons wallets would treat as malformed', () => {
    expect(() =>
      transactionRequestMetadata({ label: 'A', iconUrl: 'https://x.example/icon.gif' }),
    ).toThrow(MisconfigurationError);
    expect(() => transactionRequestMetadata({ label: 'A', iconUrl: '/icon.png' })).toThrow(
      MisconfigurationError,
    );
    expect(() =>
      transactionRequestMetadata({ label: 'A', iconUrl: 'ftp://x.example/icon.png' }),
    ).toThrow(MisconfigurationError);
    expect(() =>
      transactionRequestMetadata({ label: ' ', iconUrl: 'https://x.example/i.png' }),
    ).toThrow(MisconfigurationError);
  });
});

describe('transactionRequestErrorBody', () => {
  it('shows client messages, at most 80 characters', () => {
    expect(transactionRequestErrorBody(new UnknownRecordError('Unknown payment'), true)).toEqual({
      message: 'Unknown payment',
    });
    const long = transactionRequestErrorBody(new StateConflictError('x'.repeat(200)), true).message;
    expect(long).toHaveLength(80);
  });

  it('hides the message of errors that are not exposed', () => {
    expect(
      transactionRequestErrorBody(new MisconfigurationError('db password wrong'), false).message,
    ).not.toContain('password');
    expect(transactionRequestErrorBody(new Error('stack'), false).message).not.toContain('stack');
    expect(transactionRequestErrorBody('stack', true).message).not.toContain('stack');
  });
});

describe('TRANSACTION_REQUEST_CORS_HEADERS', () => {
  it('lets browser wallets call GET, POST and OPTIONS from anywhere', () => {
    expect(TRANSACTION_REQUEST_CORS_HEADERS).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Accept-Encoding',
    });
  });
});

describe('encodeTransactionRequestUrl', () => {
  it('keeps a link without query plain', () => {
    expect(encodeTransactionRequestUrl('https://pay.example.com/tx/abc')).toBe(
      'solana:https://pay.example.com/tx/abc',
    );
  });

  it('URL-encodes a link with a query string', () => {
    expect(encodeTransactionRequestUrl('https://pay.example.com/tx?p=abc')).toBe(
      'solana:https%3A%2F%2Fpay.example.com%2Ftx%3Fp%3Dabc',
    );
  });

  it.each([
    'https://pay.example.com/tx/abc',
    'https://pay.example.com/tx?p=abc&q=1%202',
    'https://pay.example.com/a/b/?x=y',
  ])('round-trips %s through @solana/pay parseURL', (link) => {
    const parsed = parseURL(encodeTransactionRequestUrl(link));
    expect('link' in parsed && parsed.link.toString()).toBe(new URL(link).toString());
  });

  it('refuses non-https links and URLs over 2048 characters', () => {
    expect(() => encodeTransactionRequestUrl('http://pay.example.com/tx')).toThrow(RangeError);
    expect(() => encodeTransactionRequestUrl('not a url')).toThrow(RangeError);
    expect(() =>
      encodeTransactionRequestUrl(`https://pay.example.com/tx?p=${'a'.repeat(2100)}`),
    ).toThrow('2048');
    expect(
      encodeTransactionRequestUrl('http://127.0.0.1:3000/tx', { allowInsecureLoopback: true }),
    ).toBe('solana:http://127.0.0.1:3000/tx');
  });
});
