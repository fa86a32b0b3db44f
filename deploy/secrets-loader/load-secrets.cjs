'use strict';
/**
 * Reads the Secrets Manager secrets listed in APP_SECRET_IDS (comma-separated names or ARNs;
 * each secret is a JSON object of environment variable names to string values) and prints
 * `export NAME='value'` lines for the wrapper script to evaluate. Keys that are not upper-case
 * environment variable names (e.g. CloudFormation's `placeholder`) are ignored. Values are
 * single-quoted, so no shell expansion can happen. Runs on the AWS SDK v3 bundled with the
 * Lambda Node.js runtime; tests point it at a local endpoint (AWS_ENDPOINT_URL_SECRETS_MANAGER).
 */
/* eslint-disable no-restricted-syntax -- a deploy-time script outside the app: its input is the environment */

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
// Variables the runtime or the wrapper relies on: a secret must never replace them.
const PROTECTED = new Set([
  'APP_SECRET_IDS',
  'AWS_LAMBDA_EXEC_WRAPPER',
  'NODE_OPTIONS',
  'PATH',
  'LD_LIBRARY_PATH',
  'NODE_PATH',
]);

function loadSdk() {
  const searchPaths = [
    '/var/runtime/node_modules',
    ...(process.env.NODE_PATH ?? '').split(':').filter(Boolean),
  ];
  const resolved = require.resolve('@aws-sdk/client-secrets-manager', {
    paths: [__dirname, ...searchPaths],
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS script run by node
  return require(resolved);
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
  const { SecretsManagerClient, GetSecretValueCommand } = loadSdk();
  const client = new SecretsManagerClient({});
  const lines = [];
  for (const id of ids) {
    const answer = await client.send(new GetSecretValueCommand({ SecretId: id }));
    let values;
    try {
      values = JSON.parse(answer.SecretString ?? '');
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
