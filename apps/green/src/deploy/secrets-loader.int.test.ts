/**
 * The Lambda exec wrapper deploy/secrets-loader/load-secrets, run for real: bash + Node calling
 * Secrets Manager with SigV4-signed requests, against a local HTTP server speaking the Secrets
 * Manager JSON protocol that checks each signature with the AWS SDK's own signer. It must export
 * each secret's keys verbatim (no shell expansion), skip keys that are not environment names,
 * and refuse to start the runtime when a secret is unusable.
 */
import { execFile } from 'node:child_process';
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from './ensure-packaged';

const WRAPPER = path.join(REPO_ROOT, 'deploy/secrets-loader/load-secrets');
const TRICKY = `it's $(touch /tmp/pwned) \`id\` "q" \\ $HOME\nline2`;

const SECRETS: Record<string, string> = {
  'solana-pay/test/web': JSON.stringify({
    SESSION_SECRET: TRICKY,
    placeholder: 'ignored',
    PATH: '/evil',
  }),
  'solana-pay/test/database': JSON.stringify({
    DATABASE_URL: 'postgresql://app:pw@db:5432/solpay',
  }),
  'solana-pay/test/broken': 'not json',
};

let server: Server;
let endpoint: string;
const requested: string[] = [];
/** Requests whose signature the SDK's signer did not reproduce. */
const badSignatures: string[] = [];

const CREDENTIALS = {
  accessKeyId: 'AKIDLOCAL',
  secretAccessKey: 'local/secret+key',
  sessionToken: 'session',
};

/** `@smithy/signature-v4`, as the AWS SDK's Secrets Manager client loads it. */
const { SignatureV4 } = createRequire(require.resolve('@aws-sdk/client-secrets-manager'))(
  '@smithy/signature-v4',
) as typeof import('@smithy/signature-v4');

/** What the SDK's hashes are fed. */
type SourceData = string | ArrayBuffer | ArrayBufferView;

const bytes = (data: SourceData): BinaryLike =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** The SDK's SHA-256 over node:crypto (as `@smithy/hash-node`). */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

/** Signs the request again with the SDK's signer, at its `x-amz-date`, over the headers it signed. */
async function expectedAuthorization(
  headers: IncomingHttpHeaders,
  body: string,
): Promise<string | undefined> {
  const signed = /SignedHeaders=([^,]+)/.exec(String(headers.authorization))?.[1]?.split(';');
  const amzDate = String(headers['x-amz-date']);
  if (!signed) return undefined;
  const signer = new SignatureV4({
    service: 'secretsmanager',
    region: 'us-east-1',
    credentials: CREDENTIALS,
    sha256: Sha256,
    applyChecksum: false,
  });
  const host = String(headers.host);
  const request = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: host.split(':')[0] ?? host,
      path: '/',
      query: {},
      headers: Object.fromEntries(signed.map((name) => [name, String(headers[name])])),
      body,
    },
    {
      signingDate: new Date(
        `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13)}`,
      ),
    },
  );
  return request.headers.authorization;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', async () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      requested.push(`${String(req.headers['x-amz-target'])} ${SecretId}`);
      if (req.headers.authorization !== (await expectedAuthorization(req.headers, body))) {
        badSignatures.push(`${SecretId}: ${String(req.headers.authorization)}`);
      }
      const value = SECRETS[SecretId];
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (value === undefined) {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'not found' }));
        return;
      }
      res.end(
        JSON.stringify({
          ARN: `arn:aws:secretsmanager:us-east-1:0:secret:${SecretId}`,
          Name: SecretId,
          SecretString: value,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function runWrapped(secretIds: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const print =
    'console.log(JSON.stringify({ s: process.env.SESSION_SECRET, d: process.env.DATABASE_URL, p: process.env.placeholder, path: process.env.PATH }))';
  return new Promise((resolve) => {
    execFile(
      WRAPPER,
      [process.execPath, '-e', print],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          APP_SECRET_IDS: secretIds,
          SECRETS_LOADER_NODE: process.execPath,
          AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
          AWS_SESSION_TOKEN: CREDENTIALS.sessionToken,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('secrets loader (Lambda exec wrapper)', () => {
  it('exports every listed secret verbatim, then starts the runtime', async () => {
    const result = await runWrapped('solana-pay/test/web, solana-pay/test/database');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      s: TRICKY,
      d: 'postgresql://app:pw@db:5432/solpay',
      path: process.env.PATH,
    });
    expect(requested).toEqual(
      expect.arrayContaining([
        'secretsmanager.GetSecretValue solana-pay/test/web',
        'secretsmanager.GetSecretValue solana-pay/test/database',
      ]),
    );
  });

  it('signs every request with the Lambda credentials as the AWS SDK would (SigV4)', async () => {
    badSignatures.length = 0;
    const before = requested.length;
    const result = await runWrapped('solana-pay/test/web,solana-pay/test/database');
    expect(result.code).toBe(0);
    expect(requested.length - before).toBe(2);
    expect(badSignatures).toEqual([]);
  });

  it('refuses to start when a secret is missing or not a JSON object, without printing values', async () => {
    for (const ids of ['solana-pay/test/web,solana-pay/test/broken', 'solana-pay/test/absent']) {
      const result = await runWrapped(ids);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/secrets loader/);
      expect(result.stderr).not.toContain('touch /tmp/pwned');
    }
  });

  it('starts the runtime unchanged when no secret is listed', async () => {
    const result = await runWrapped('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ path: process.env.PATH });
  });
});
