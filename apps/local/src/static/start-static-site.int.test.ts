import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ensureDevCertificates, type DevCertificates } from '@solpay/testkit';
import type { RunningServer } from '../server/running-server';
import { startStaticSite } from './start-static-site';

describe('startStaticSite', () => {
  let dir: string;
  let certs: DevCertificates;
  let site: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'solpay-static-'));
    certs = ensureDevCertificates(join(dir, 'certs'));
    const app = join(dir, 'app');
    mkdirSync(join(app, 'public'), { recursive: true });
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'public', 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(app, 'public', 'logo.svg'), '<svg/>');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    writeFileSync(
      join(app, 'src', 'greet.ts'),
      'export const greet = (name: string): string => `hi ${name}`;',
    );
    writeFileSync(
      join(app, 'src', 'main.ts'),
      "import { greet } from './greet';\nconsole.log(greet('x'));",
    );
    site = await startStaticSite({
      name: 'test',
      appDir: app,
      tls: { key: certs.server.key, cert: certs.server.cert },
      port: 0,
      config: () => ({ purpleOrigin: 'https://localhost:1' }),
    });
  });

  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function get(
    path: string,
    method = 'GET',
  ): Promise<{ status: number; type: string; text: string }> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        `${site.url}${path}`,
        { method, ca: certs.ca.cert, agent: false },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type']),
              text,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('bundles src/main.ts to /main.js', async () => {
    const reply = await get('/main.js');
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/text\/javascript/);
    expect(reply.text).toContain('hi ${name}');
    expect(reply.text).not.toContain('import {');
  });

  it('serves public files, config.json and index.html for client routes', async () => {
    expect(await get('/logo.svg')).toMatchObject({
      status: 200,
      type: 'image/svg+xml',
      text: '<svg/>',
    });
    expect(JSON.parse((await get('/config.json')).text)).toEqual({
      purpleOrigin: 'https://localhost:1',
    });
    for (const path of ['/', '/pay/1234-abcd', '/pay/1234?x=1']) {
      expect(await get(path)).toMatchObject({
        status: 200,
        text: '<!doctype html><title>app</title>',
      });
    }
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('never serves files outside public/', async () => {
    expect((await get('/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/..%2f..%2fsecret.txt')).status).toBe(404);
  });

  it('only answers GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    expect((await get('/', 'HEAD')).status).toBe(200);
  });
});

describe('startStaticSite security headers', () => {
  let dir: string;
  let certs: DevCertificates;
  let site: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'solpay-static-headers-'));
    certs = ensureDevCertificates(join(dir, 'certs'));
    const app = join(dir, 'app');
    mkdirSync(join(app, 'public'), { recursive: true });
    writeFileSync(join(app, 'public', 'index.html'), '<!doctype html><head></head>');
    site = await startStaticSite({
      name: 'portal',
      appDir: app,
      tls: { key: certs.server.key, cert: certs.server.cert },
      port: 0,
      config: () => ({ purpleOrigin: 'https://127.0.0.1:4001', rpcUrl: 'http://127.0.0.1:8899' }),
      handlers: [
        async (req, res) => {
          if (req.url !== '/dev/wallet.js') return false;
          res.end('export {}');
          return true;
        },
      ],
    });
  });

  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function headersOf(path: string, host?: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        `${site.url}${path}`,
        { ca: certs.ca.cert, agent: false, ...(host ? { headers: { host } } : {}) },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, ...res.headers }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it("sends the portal's CloudFront headers on every answer, connect-src pointed at the local stack", async () => {
    for (const path of ['/', '/payments', '/dev/wallet.js', '/missing.js']) {
      const headers = await headersOf(path, `127.0.0.1:${site.port}`);
      expect(headers['content-security-policy']).toContain(
        "connect-src 'self' https://127.0.0.1:4001 http://127.0.0.1:8899;",
      );
      expect(headers['content-security-policy']).toContain(
        'frame-ancestors https://admin.shopify.com https://*.myshopify.com',
      );
      expect(headers).toMatchObject({
        'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
      });
      expect(headers['x-frame-options']).toBeUndefined();
    }
  });

  it('leaves HSTS out for localhost (the stack URLs), where Chrome would pin every local dev server to HTTPS', async () => {
    const headers = await headersOf('/');
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
  });
});
