import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { toHttpResponse } from './to-http-response';
import {
  DomainError,
  InvalidInputError,
  MisconfigurationError,
  PermissionDeniedError,
  RateLimitExceededError,
  RecordClosedError,
} from '@solpay/domain';

/** A domain error someone forgot to put in the table: must still answer a bare 500. */
class UnmappedDomainError extends DomainError {}

const requestId = 'req-1';
const bodyOf = (result: { body?: string }) => JSON.parse(result.body ?? '') as unknown;

describe('toHttpResponse', () => {
  it('maps 4xx app errors to their status, code, message and details', () => {
    const result = toHttpResponse(new InvalidInputError('Bad field', { details: { path: 'a' } }), {
      requestId,
    });
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Bad field',
      details: { path: 'a' },
    });
    expect(result.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': requestId,
    });
    expect(toHttpResponse(new PermissionDeniedError(), { requestId }).statusCode).toBe(403);
    expect(toHttpResponse(new RecordClosedError('Expired'), { requestId }).statusCode).toBe(410);
  });

  it('keeps error headers such as Retry-After', () => {
    const result = toHttpResponse(new RateLimitExceededError('Slow down', 7), { requestId });
    expect(result.statusCode).toBe(429);
    expect(result.headers?.['Retry-After']).toBe('7');
  });

  it('hides everything about 5xx and unknown errors', () => {
    for (const error of [
      new MisconfigurationError('invariant broken: secret state'),
      new Error('secret message'),
      new UnmappedDomainError('secret: a class with no row in the table'),
      'a thrown string secret',
      undefined,
      null,
    ]) {
      const result = toHttpResponse(error, { requestId });
      expect(result.statusCode).toBeGreaterThanOrEqual(500);
      expect(bodyOf(result)).toEqual({ code: 'INTERNAL', message: 'Internal error', requestId });
      expect(result.body).not.toContain('secret');
    }
  });

  it('maps a ZodError to 400 VALIDATION_FAILED naming the first failing field', () => {
    const parsed = z
      .object({ items: z.array(z.object({ amount: z.string() })) })
      .safeParse({ items: [{ amount: 1 }] });
    expect(parsed.success).toBe(false);
    const result = toHttpResponse(parsed.error, { requestId });
    expect(result.statusCode).toBe(400);
    const body = bodyOf(result) as { code: string; message: string; details: { path: string } };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.path).toBe('items.0.amount');
    expect(body.message).toContain("'items.0.amount'");
  });
});
