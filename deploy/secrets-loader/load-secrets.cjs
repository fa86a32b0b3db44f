'use strict';
/**
 * Reads the Secrets Manager secrets listed in APP_SECRET_IDS (comma-separated names or ARNs;
 * each secret is a JSON object of environment variable names to string values) and prints
 * `export NAME='value'` lines for the wrapper script to evaluate. Keys that are not upper-case
 * environment variable names (e.g. CloudFormation's `placeholder`) are ignored. Values are
 * single-quoted, so no shell expansion can happen. Calls Secrets Manager itself (one signed
 * `GetSecretValue` per secret, all at once, over node:https): loading the AWS SDK took longer
 * than the calls (docs/performance.md, "Secrets at cold start"). Tests point it at a local
 * endpoint (AWS_ENDPOINT_URL_SECRETS_MANAGER).
 */
/* eslint-disable no-restricted-syntax -- a deploy-time script outside the app: its input is the environment */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS script run by node */

const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
// Variables the runtime or the wrapper relies on: a secret must never replace them.
const PROTECTED = new Set([
  'APP_SECRET_IDS',
  'AWS_LAMBDA_EXEC_WRAPPER',
  'NODE_OPTIONS',
  'PATH',
  'LD_LIBRARY_PATH',
  'NODE_PATH',
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
]);

/** Longest wait for one secret; a Secrets Manager that does not answer stops the cold start. */
const TIMEOUT_MS = 5000;

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data) {
  return crypto.createHash('sha256').update(data, 'utf8').digest('hex');
}

/**
 * AWS Signature Version 4 headers for a request with no query string (what Secrets Manager's
 * JSON protocol sends): the given headers plus `host`, `x-amz-date`, `x-amz-security-token`
 * (when the credentials have a session token, as Lambda's do) and `authorization`.
 */
function signedHeaders({ method, url, headers, body, region, service, credentials, now }) {
  const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const all = {
    ...headers,
    host: url.host,
    'x-amz-date': amzDate,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const canonical = new Map(
    Object.entries(all).map(([name, value]) => [
      name.toLowerCase(),
      String(value).trim().replace(/\s+/g, ' '),
    ]),
  );
  const names = [...canonical.keys()].sort();
  const signedNames = names.join(';');
  const canonicalRequest = [
    method,
    url.pathname || '/',
    '',
    names.map((name) => `${name}:${canonical.get(name)}\n`).join(''),
    signedNames,
    sha256Hex(body),
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service),
    'aws4_request',
  );
  const signature = crypto.createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    ...all,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedNames}, Signature=${signature}`,
  };
}

/** POSTs `body` and resolves with the status and the whole answer. */
function post(url, headers, body) {
  const transport = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, { method: 'POST', headers, timeout: TIMEOUT_MS });
    request.on('timeout', () => request.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.end(body);
  });
}

/** One `GetSecretValue` call (Secrets Manager's JSON protocol), signed with the environment's credentials. */
async function getSecretString(id, context) {
  const body = JSON.stringify({ SecretId: id });
  const headers = signedHeaders({
    method: 'POST',
    url: context.url,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
    },
    body,
    region: context.region,
    service: 'secretsmanager',
    credentials: context.credentials,
    now: new Date(),
  });
  headers['content-length'] = String(Buffer.byteLength(body));
  const answer = await post(context.url, headers, body);
  let parsed;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    parsed = null;
  }
  if (answer.status !== 200) {
    const type = typeof parsed?.__type === 'string' ? parsed.__type.split('#').pop() : 'error';
    throw new Error(`secret ${id}: Secrets Manager answered ${answer.status} ${type}`);
  }
  return typeof parsed?.SecretString === 'string' ? parsed.SecretString : '';
}

/** Where and as whom to call Secrets Manager: Lambda sets the region and credentials. */
function secretsManagerContext() {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!region || !accessKeyId || !secretAccessKey) {
    throw new Error(
      'AWS_REGION and the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) must be set',
    );
  }
  const endpoint =
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER ??
    `https://secretsmanager.${region}.amazonaws.com`;
  return {
    url: new URL(endpoint),
    region,
    credentials: { accessKeyId, secretAccessKey, sessionToken: process.env.AWS_SESSION_TOKEN },
  };
}

function shellQuote(value) {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

async function main() {
  const ids = (process.env.APP_SECRET_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) return '';
  const context = secretsManagerContext();
  // All at once: the cold start waits for one round trip, not one per secret.
  const strings = await Promise.all(ids.map((id) => getSecretString(id, context)));
  const lines = [];
  for (const [index, id] of ids.entries()) {
    let values;
    try {
      values = JSON.parse(strings[index]);
    } catch {
      throw new Error(`secret ${id} is not a JSON object`);
    }
    if (values === null || typeof values !== 'object' || Array.isArray(values)) {
      throw new Error(`secret ${id} is not a JSON object`);
    }
    for (const [name, value] of Object.entries(values)) {
      if (!ENV_NAME.test(name) || PROTECTED.has(name)) continue;
      if (typeof value !== 'string') throw new Error(`secret ${id}: ${name} must be a string`);
      lines.push(`export ${name}=${shellQuote(value)}`);
    }
  }
  return lines.join('\n');
}

main().then(
  (output) => {
    process.stdout.write(output === '' ? '' : `${output}\n`);
  },
  (error) => {
    // Never print values; the error names only the secret id and key.
    process.stderr.write(
      `secrets loader: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
