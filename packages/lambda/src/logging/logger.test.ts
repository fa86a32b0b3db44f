import { describe, expect, it } from '@jest/globals';
import { createLogger } from './logger';
import { REDACTED, isSecretKey, redact } from './redact';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, write: (line: string) => lines.push(JSON.parse(line)) };
}

describe('createLogger', () => {
  it('writes one JSON line with level, time, service, requestId, msg and fields', () => {
    const sink = capture();
    const logger = createLogger({ service: 'svc', level: 'info', requestId: 'r-1', ...sink });
    logger.info('hello', { paymentId: 'p1', amount: 5n });
    expect(sink.lines).toHaveLength(1);
    const [line] = sink.lines;
    expect(line).toMatchObject({
      level: 'info',
      service: 'svc',
      requestId: 'r-1',
      msg: 'hello',
      paymentId: 'p1',
      amount: '5',
    });
    expect(Object.keys(line ?? {}).slice(0, 5)).toEqual([
      'level',
      'time',
      'service',
      'requestId',
      'msg',
    ]);
    expect(new Date(String(line?.time)).toString()).not.toBe('Invalid Date');
  });

  it('drops lines below the level, and everything when silent', () => {
    const sink = capture();
    const logger = createLogger({ service: 's', level: 'warn', ...sink });
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(sink.lines.map((l) => l.msg)).toEqual(['c', 'd']);
    createLogger({ service: 's', level: 'silent', ...sink }).error('e');
    expect(sink.lines).toHaveLength(2);
  });

  it('children add fields and cannot overwrite the base keys', () => {
    const sink = capture();
    const logger = createLogger({ service: 's', level: 'info', requestId: 'r', ...sink });
    logger.child({ handler: 'pay', requestId: 'forged' }).info('x', { level: 'forged' });
    expect(sink.lines[0]).toMatchObject({ handler: 'pay', requestId: 'r', level: 'info' });
  });

  it('masks secrets at any depth', () => {
    const sink = capture();
    const logger = createLogger({ service: 's', level: 'info', ...sink });
    logger.info('request', {
      headers: {
        authorization: 'Bearer abc',
        cookie: 'sid=abc',
        'x-shopify-access-token': 'shpat_abc',
        'content-type': 'application/json',
      },
      shop: { accessToken: 'shpat_def', refreshToken: 'r', domain: 'a.myshopify.com' },
      list: [{ password: 'p', apiKey: 'k', API_KEY: 'k2' }],
      deep: { a: { b: { c: { secretKey: 'sk', privateKey: 'pk', seed: 'seed', token: 't' } } } },
      tokenAmount: '1000',
    });
    const text = JSON.stringify(sink.lines[0]);
    for (const secret of ['Bearer abc', 'sid=abc', 'shpat_abc', 'shpat_def', '"sk"', '"pk"']) {
      expect(text).not.toContain(secret);
    }
    expect(sink.lines[0]).toMatchObject({
      headers: {
        authorization: REDACTED,
        cookie: REDACTED,
        'x-shopify-access-token': REDACTED,
        'content-type': 'application/json',
      },
      shop: { accessToken: REDACTED, refreshToken: REDACTED, domain: 'a.myshopify.com' },
      list: [{ password: REDACTED, apiKey: REDACTED, API_KEY: REDACTED }],
      deep: {
        a: {
          b: {
            c: { secretKey: REDACTED, privateKey: REDACTED, seed: REDACTED, token: REDACTED },
          },
        },
      },
      tokenAmount: '1000',
    });
  });

  it('serializes errors with stack and cause, masking secrets inside details', () => {
    const sink = capture();
    const cause = new Error('socket closed');
    const error = Object.assign(new Error('boom', { cause }), { details: { clientSecret: 'x' } });
    createLogger({ service: 's', level: 'info', ...sink }).error('failed', { error });
    expect(sink.lines[0]).toMatchObject({
      error: {
        name: 'Error',
        message: 'boom',
        details: { clientSecret: REDACTED },
        cause: { message: 'socket closed' },
      },
    });
    expect(String((sink.lines[0]?.error as { stack: string }).stack)).toContain('boom');
  });
});

describe('redact', () => {
  it('copes with cycles, bytes and bigints', () => {
    const cyclic: Record<string, unknown> = { name: 'a', bytes: new Uint8Array(64), n: 2n };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({
      name: 'a',
      bytes: '[64 bytes]',
      n: '2',
      self: '[Circular]',
    });
  });

  it('knows secret key names but leaves look-alikes alone', () => {
    for (const key of ['token', 'csrfToken', 'SESSION_SECRET', 'gasKeypair', 'Set-Cookie']) {
      expect(isSecretKey(key)).toBe(true);
    }
    for (const key of ['tokenAmount', 'requestId', 'signature', 'shopDomain', 'mint']) {
      expect(isSecretKey(key)).toBe(false);
    }
  });
});
