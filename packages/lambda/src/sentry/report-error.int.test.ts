import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Sentry from '@sentry/aws-serverless';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { createHttpHandler } from '../create-http-handler';
import { buildApiGatewayV2Event } from '../testing/build-api-gateway-v2-event';
import { buildLambdaContext } from '../testing/build-lambda-context';
import { captureLogs } from '../testing/capture-logs.fixture';
import { initSentry } from './init-sentry';
import { reportError } from './report-error';
import { UnknownRecordError } from '@solpay/domain';

/** A local stand-in for Sentry's ingest endpoint: it records every envelope it receives. */
let server: Server;
const envelopes: string[] = [];
let dsn = '';

/** The exception messages of every event received (source context lines left out). */
function reportedMessages(): string[] {
  return envelopes.flatMap((envelope) =>
    envelope
      .split('\n')
      .map((line) => JSON.parse(line) as { exception?: { values?: { value?: string }[] } })
      .flatMap((item) => item.exception?.values?.map((v) => v.value ?? '') ?? []),
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const gzipped = req.headers['content-encoding'] === 'gzip';
      envelopes.push((gzipped ? gunzipSync(raw) : raw).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  dsn = `http://publickey@127.0.0.1:${port}/1`;
});

afterAll(async () => {
  await Sentry.close(2000);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('Sentry reporting', () => {
  it('is a no-op until a DSN is configured', async () => {
    const off = captureLogs().runtime;
    expect(await initSentry(off)).toBe(false);
    reportError(new Error('nobody hears this'));
    await Sentry.flush(500);
    expect(envelopes).toHaveLength(0);
  });

  it('reports errors with tags, masking secret extras', async () => {
    const runtime = { ...captureLogs().runtime, sentryDsn: dsn };
    expect(await initSentry(runtime)).toBe(true);
    // Built at run time: Sentry ships source context lines, which would contain a literal.
    const token = ['shpat', 'runtime', 'value'].join('_');
    reportError(new Error('payment resolve exploded'), {
      requestId: 'req-9',
      handler: 'resolve',
      accessToken: token,
      paymentId: 'p9',
    });
    await Sentry.flush(5000);
    const text = envelopes.join('\n');
    expect(reportedMessages()).toEqual(['payment resolve exploded']);
    expect(text).toContain('req-9');
    expect(text).toContain('p9');
    expect(text).toContain('"accessToken":"[REDACTED]"');
    expect(text).not.toContain(token);
  });

  it('reports 5xx from an HTTP handler but not 4xx', async () => {
    envelopes.length = 0;
    const logs = captureLogs();
    const handler = createHttpHandler(
      {
        name: 'sentry-http',
        runtime: { ...logs.runtime, sentryDsn: dsn },
        logWrite: logs.logWrite,
      },
      async (request) => {
        if (request.path === '/missing') throw new UnknownRecordError('no such payment here');
        throw new Error('handler crashed for real');
      },
    );
    const crashed = (await handler(
      buildApiGatewayV2Event({ method: 'GET', path: '/crash' }),
      buildLambdaContext(),
    )) as APIGatewayProxyResult;
    expect(crashed.statusCode).toBe(500);
    expect(crashed.body).not.toContain('crashed');
    const missing = (await handler(
      buildApiGatewayV2Event({ method: 'GET', path: '/missing' }),
      buildLambdaContext(),
    )) as APIGatewayProxyResult;
    expect(missing.statusCode).toBe(404);
    await Sentry.flush(5000);
    expect(reportedMessages()).toEqual(['handler crashed for real']);
  });
});
