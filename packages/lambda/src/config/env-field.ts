import * as z from 'zod';
import { decodeBase58 } from '@solpay/domain';

function isUrl(text: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

const HTTP_PROTOCOLS = ['http:', 'https:'] as const;

/** A whole number of at least `min` written in digits, as a `number`; `error` names the rule. */
function digitsInteger(min: number, error: string) {
  return z
    .string()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= min, { error });
}

/** Items of a comma-separated value, trimmed; blanks between commas are ignored. */
function commaSeparated() {
  return z.string().transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
}

/**
 * Builders for the zod schema of one environment variable. Values arrive as strings (empty
 * ones are treated as unset before parsing); messages never repeat the value, which may be a
 * secret.
 */
export const envField = {
  /** A comma-separated list; blanks between commas are ignored. */
  commaList: commaSeparated,

  /** A required plain string. */
  string: () => z.string(),

  /** A required secret of at least `minLength` characters. Secrets never have defaults. */
  secret: (minLength = 1) =>
    z.string().min(minLength, { error: `must be at least ${minLength} characters` }),

  /** One of fixed values. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: `must be one of ${values.join(', ')}` }),

  /** An absolute http(s) URL. */
  httpUrl: () =>
    z.string().refine((text) => isUrl(text, HTTP_PROTOCOLS), {
      error: 'must be an absolute http(s) URL',
    }),

  /** An absolute http(s) URL without a trailing slash (an origin, possibly with a base path). */
  origin: () =>
    z
      .string()
      .refine((text) => isUrl(text, HTTP_PROTOCOLS), { error: 'must be an absolute http(s) URL' })
      .refine((text) => !text.endsWith('/'), { error: 'must not end with a slash' }),

  /** A PostgreSQL connection URL. */
  postgresUrl: () =>
    z.string().refine((text) => isUrl(text, ['postgres:', 'postgresql:']), {
      error: 'must be a postgres:// or postgresql:// URL',
    }),

  /** A base58 public key (32 bytes). */
  publicKey: () =>
    z.string().refine((text) => decodeBase58(text)?.length === 32, {
      error: 'must be a base58 public key (32 bytes)',
    }),

  /** A comma-separated list of base58 public keys; blanks between commas are ignored. */
  publicKeyList: () =>
    commaSeparated().refine((items) => items.every((item) => decodeBase58(item)?.length === 32), {
      error: 'must be a comma-separated list of base58 public keys',
    }),

  /** A comma-separated list of non-empty items. */
  list: () =>
    z.string().transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    ),

  /** A positive integer (e.g. milliseconds, minutes). */
  positiveInt: () => digitsInteger(1, 'must be a positive integer'),

  /** An integer ≥ 0 (e.g. an added latency, where 0 means none). */
  nonNegativeInt: () => digitsInteger(0, 'must be a non-negative integer'),

  /** A non-negative integer of any size, as `bigint` (e.g. lamports). */
  bigint: () =>
    z
      .string()
      .regex(/^\d+$/, { error: 'must be a non-negative integer' })
      .transform((text) => BigInt(text)),

  /** A finite number greater than zero. */
  positiveNumber: () =>
    z
      .string()
      .regex(/^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/, { error: 'must be a number greater than 0' })
      .transform(Number)
      .refine((n) => Number.isFinite(n) && n > 0, { error: 'must be a number greater than 0' }),

  /** Base64 text that decodes to exactly `length` bytes, exposed as bytes. */
  base64Bytes: (length: number) =>
    z
      .string()
      .refine(
        (text) =>
          /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').length === length,
        { error: `must be base64 of exactly ${length} bytes` },
      )
      .transform((text) => new Uint8Array(Buffer.from(text, 'base64'))),
};
