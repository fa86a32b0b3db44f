import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCertificateAuthority } from './create-certificate-authority';
import type { DevCertificates } from './dev-certificates';
import { DEV_SHOPIFY_CA_NAME, ensureDevCertificates } from './ensure-dev-certificates';
import { issueCertificate } from './issue-certificate';

describe('ensureDevCertificates', () => {
  let dir: string;
  let certs: DevCertificates;
  let server: https.Server;
  let port: number;
  const tlsErrors: string[] = [];
  let requests = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'solpay-certs-'));
    certs = ensureDevCertificates(join(dir, 'certs'));
    server = https.createServer(
      {
        key: certs.server.key,
        cert: certs.server.cert,
        ca: certs.shopifyCa.cert,
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
      },
      (req, res) => {
        requests += 1;
        const peer = (req.socket as tls.TLSSocket).getPeerCertificate();
        res.end(peer.subject?.CN ?? '');
      },
    );
    server.on('tlsClientError', (error) => tlsErrors.push(error.message));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a server certificate for loopback signed by the dev CA', () => {
    const ca = new X509Certificate(certs.ca.cert);
    const server = new X509Certificate(certs.server.cert);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBeDefined();
    expect(server.keyUsage).toContain('1.3.6.1.5.5.7.3.1');
    expect(server.publicKey.asymmetricKeyType).toBe('ec');
    expect(server.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(statSync(certs.server.keyPath).mode & 0o077).toBe(0);
  });

  it('replaces a set whose server key is RSA (from before the server key became ECDSA)', () => {
    const other = join(dir, 'rsa-server');
    const first = ensureDevCertificates(other);
    const ca = { cert: first.ca.cert, key: first.ca.key };
    const rsaServer = issueCertificate({ issuer: ca, commonName: 'localhost', usage: 'server' });
    writeFileSync(first.paths.serverCert, rsaServer.cert);
    writeFileSync(first.paths.serverKey, rsaServer.key);
    const second = ensureDevCertificates(other);
    expect(new X509Certificate(second.server.cert).publicKey.asymmetricKeyType).toBe('ec');
  });

  it('writes a separate Shopify dev CA and a clientAuth certificate it signed', () => {
    const shopifyCa = new X509Certificate(certs.shopifyCa.cert);
    const client = new X509Certificate(certs.shopifyClient.cert);
    expect(shopifyCa.subject).toContain(`CN=${DEV_SHOPIFY_CA_NAME}`);
    expect(client.verify(shopifyCa.publicKey)).toBe(true);
    expect(client.verify(new X509Certificate(certs.ca.cert).publicKey)).toBe(false);
    expect(client.keyUsage).toContain('1.3.6.1.5.5.7.3.2');
  });

  it('reuses the files on the next call', () => {
    const again = ensureDevCertificates(join(dir, 'certs'));
    expect(again.ca.cert).toBe(certs.ca.cert);
    expect(again.shopifyClient.key).toBe(certs.shopifyClient.key);
    expect(again.paths).toEqual(certs.paths);
  });

  it('regenerates a set whose files do not match', () => {
    const other = join(dir, 'broken');
    const first = ensureDevCertificates(other);
    const foreign = createCertificateAuthority({ commonName: 'Someone else' });
    writeFileSync(first.paths.ca, foreign.cert);
    const second = ensureDevCertificates(other);
    expect(second.ca.cert).not.toBe(first.ca.cert);
    expect(
      new X509Certificate(second.server.cert).verify(new X509Certificate(second.ca.cert).publicKey),
    ).toBe(true);
  });

  it('completes an mTLS handshake with the Shopify dev client certificate', async () => {
    const body = await get({ cert: certs.shopifyClient.cert, key: certs.shopifyClient.key });
    expect(body).toBe('Shopify Payments Platform client (dev)');
  });

  it('fails the handshake without a client certificate', async () => {
    tlsErrors.length = 0;
    const served = requests;
    await expect(get({})).rejects.toThrow(/alert certificate required|ECONNRESET|socket hang up/);
    expect(tlsErrors.join('\n')).toMatch(/peer did not return a certificate/);
    expect(requests).toBe(served);
  });

  it('fails the handshake with a client certificate from another CA', async () => {
    const foreignCa = createCertificateAuthority({ commonName: 'Not Shopify' });
    const foreign = issueCertificate({
      issuer: foreignCa,
      commonName: 'intruder',
      usage: 'client',
    });
    const served = requests;
    // Node's TLS server checks the chain once OpenSSL finishes and then destroys the socket.
    await expect(get(foreign)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(requests).toBe(served);
  });

  function get(client: { cert?: string; key?: string }): Promise<string> {
    return new Promise((done, fail) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: '/',
          ca: certs.ca.cert,
          servername: 'localhost',
          agent: false,
          ...client,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(text));
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      req.end();
    });
  }
});
