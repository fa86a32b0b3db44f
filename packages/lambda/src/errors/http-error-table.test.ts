import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import * as domain from '@solpay/domain';
import {
  AuthenticationFailedError,
  BusinessRuleViolationError,
  DependencyUnavailableError,
  DomainError,
  InvalidInputError,
  MalformedRequestError,
  MisconfigurationError,
  PermissionDeniedError,
  RateLimitExceededError,
  RecordClosedError,
  StateConflictError,
  UnknownRecordError,
} from '@solpay/domain';
import { toHttpResponse } from '../http/to-http-response';
import type { ErrorCode } from './error-code';
import { HTTP_ERROR_TABLE, httpErrorRuleOf, type ErrorClass } from './http-error-table';
import { PayloadTooLargeError } from './payload-too-large-error';
import { UnsupportedMediaTypeError } from './unsupported-media-type-error';

/** The contract of docs/api.md, written out by hand: changing the table means changing this. */
const DOCUMENTED: ReadonlyArray<readonly [ErrorClass, number, ErrorCode]> = [
  [MalformedRequestError, 400, 'BAD_REQUEST'],
  [InvalidInputError, 400, 'VALIDATION_FAILED'],
  [AuthenticationFailedError, 401, 'UNAUTHORIZED'],
  [PermissionDeniedError, 403, 'FORBIDDEN'],
  [UnknownRecordError, 404, 'NOT_FOUND'],
  [StateConflictError, 409, 'CONFLICT'],
  [RecordClosedError, 410, 'GONE'],
  [PayloadTooLargeError, 413, 'PAYLOAD_TOO_LARGE'],
  [UnsupportedMediaTypeError, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  [BusinessRuleViolationError, 422, 'UNPROCESSABLE'],
  [RateLimitExceededError, 429, 'RATE_LIMITED'],
  [MisconfigurationError, 500, 'INTERNAL'],
  [DependencyUnavailableError, 503, 'UPSTREAM_UNAVAILABLE'],
];

const SECRET = 'secret-internal-detail https://key@rpc.example';

/** One instance of each class, carrying {@link SECRET} in its message and details. */
function instanceOf(type: ErrorClass): Error {
  const Concrete = type as unknown as new (
    message: string,
    ...rest: unknown[]
  ) => Error & { details?: unknown };
  return type === RateLimitExceededError
    ? new RateLimitExceededError(SECRET, 7, { details: { hint: SECRET } })
    : new Concrete(SECRET, { details: { hint: SECRET } });
}

const bodyOf = (body: string | undefined) => JSON.parse(body ?? '') as Record<string, unknown>;

describe('HTTP_ERROR_TABLE', () => {
  it('has a row for every error class the domain exports, and no other rows', () => {
    const domainClasses = (Object.values(domain) as unknown[]).filter(
      (value): value is ErrorClass =>
        typeof value === 'function' && value.prototype instanceof DomainError,
    );
    expect(domainClasses.length).toBeGreaterThanOrEqual(11);
    // A subclass (e.g. PriceUnavailableError) answers as its nearest ancestor with a row.
    for (const type of domainClasses) expect(nearestRowOf(type)).toBeDefined();
    expect([...HTTP_ERROR_TABLE.keys()].sort(byName)).toEqual(
      DOCUMENTED.map(([type]) => type).sort(byName),
    );
  });

  it.each(DOCUMENTED.map(([type, status, code]) => [type.name, type, status, code] as const))(
    '%s answers %i %s',
    (_name, type, status, code) => {
      const response = toHttpResponse(instanceOf(type), { requestId: 'req-1' });
      expect(response.statusCode).toBe(status);
      expect(bodyOf(response.body).code).toBe(code);
      expect(httpErrorRuleOf(instanceOf(type))).toMatchObject({ status, code });
    },
  );

  it('shows the message and details of every 4xx and never of a 5xx', () => {
    for (const [type, status] of DOCUMENTED) {
      const rule = HTTP_ERROR_TABLE.get(type);
      expect(rule?.expose).toBe(status < 500);
      const response = toHttpResponse(instanceOf(type), { requestId: 'req-1' });
      const body = bodyOf(response.body);
      if (status < 500) {
        expect(body).toEqual({ code: rule?.code, message: SECRET, details: { hint: SECRET } });
      } else {
        expect(response.body).not.toContain('secret');
        expect(response.body).not.toContain('key@');
        expect(body).toEqual({
          code: rule?.code,
          message: rule?.genericMessage,
          requestId: 'req-1',
        });
      }
    }
  });

  it('sets Retry-After from the rate-limit error, and on nothing else', () => {
    const response = toHttpResponse(new RateLimitExceededError('Slow down', 42), {
      requestId: 'req-1',
    });
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['Retry-After']).toBe('42');
    expect(bodyOf(response.body)).toEqual({ code: 'RATE_LIMITED', message: 'Slow down' });
    for (const [type] of DOCUMENTED.filter(([type]) => type !== RateLimitExceededError)) {
      expect(toHttpResponse(instanceOf(type), { requestId: 'r' }).headers).not.toHaveProperty(
        'Retry-After',
      );
    }
  });

  it('maps a subclass by its nearest ancestor in the table', () => {
    expect(httpErrorRuleOf(new domain.PriceUnavailableError('No usable EUR price'))).toMatchObject({
      status: 422,
      code: 'UNPROCESSABLE',
    });
    class UnknownPaymentError extends UnknownRecordError {}
    expect(
      toHttpResponse(new UnknownPaymentError('Unknown payment'), { requestId: 'r' }),
    ).toMatchObject({
      statusCode: 404,
      body: JSON.stringify({ code: 'NOT_FOUND', message: 'Unknown payment' }),
    });
  });

  it('agrees with the error table of docs/api.md', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/api.md'), 'utf8');
    const rows = doc
      .split('\n')
      .filter((line) => /^\|\s*\d{3}/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    for (const [type, status, code] of DOCUMENTED) {
      const row = rows.find(
        (cells) => cells[1]?.includes(String(status)) && cells[2]?.includes(`\`${code}\``),
      );
      if (!row) throw new Error(`docs/api.md has no row for ${status} ${code} (${type.name})`);
    }
  });
});

function nearestRowOf(type: ErrorClass): ErrorClass | undefined {
  for (let current: unknown = type; typeof current === 'function';) {
    if (HTTP_ERROR_TABLE.has(current as ErrorClass)) return current as ErrorClass;
    current = Object.getPrototypeOf(current);
  }
  return undefined;
}

function byName(a: ErrorClass, b: ErrorClass): number {
  return a.name.localeCompare(b.name);
}
