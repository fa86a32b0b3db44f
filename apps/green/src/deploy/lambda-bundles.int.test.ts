/**
 * Budgets of the Lambda bundles that `npx serverless package --stage prod` writes to
 * `.serverless/` (CI packages first; see ensure-packaged.ts): each function's code stays small
 * (cold start) and carries no module that only tests or the local stack run, and no AWS SDK
 * or Solana RPC client it never calls (DESIGN §3.8).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resourcesOfType, type CloudFormationTemplate } from './cloudformation-template';
import { ensurePackaged, PACKAGE_DIR, REPO_ROOT } from './ensure-packaged';
import { readBundleContents, type BundleContents } from './read-bundle-contents';
import { readZipEntries } from './read-zip-entries';

/** Code per function, source maps excluded (Prisma's query compiler alone is ~2.5 MB of it). */
const CODE_BUDGET_BYTES = 4 * 1024 * 1024;

/** npm packages that only the local stack and tests run. */
const LOCAL_ONLY_PACKAGES = [
  'aws-local-stepfunctions',
  'asl-validator',
  'asl-path-validator',
  'ajv',
  'ajv-formats',
  'jsonata',
  'jsonpath-plus',
  'yaml',
  'fauxqs',
  '@electric-sql/pglite',
  '@electric-sql/pglite-socket',
  'litesvm',
  '@solana/kit',
  'node-forge',
  'playwright-core',
  'esbuild',
];

/** Workspace folders no Lambda runs. */
const LOCAL_ONLY_WORKSPACES = ['apps/local', 'packages/testkit', 'packages/web'];

/**
 * Service clients (AWS SDK, Solana RPC), and the only functions that call them: each capability
 * composition builds per route, so a route that sends no Shopify mutation has no SQS client
 * and a route that never reads the chain has no web3.js.
 */
const SDK_CLIENT_USERS: Record<string, string[]> = {
  '@aws-sdk/client-sfn': ['retryConsumer'],
  '@aws-sdk/client-sqs': [
    'transactionRequest',
    'checkoutStatus',
    'heliusWebhook',
    'refundSession',
    'oauthCallback',
    'portalApi',
    'discoveryPoll',
    'outboxSweep',
    'mutationRetry',
  ],
  '@solana/web3.js': [
    'paymentSession',
    'transactionRequest',
    'checkoutStatus',
    'heliusWebhook',
    'portalApi',
    'discoveryPoll',
    'gasBalanceCheck',
  ],
};

/** The Solana client packages, which each bundle loads from `<bundle>.solana.js` at first use. */
const SOLANA_PACKAGES = { web3: '@solana/web3.js', splToken: '@solana/spl-token' } as const;

/** The names our source file imports (as values, not types) from `pkg`. */
function valueImports(sourceFile: string, pkg: string): string[] {
  const source = readFileSync(sourceFile, 'utf8');
  const names: string[] = [];
  const from = pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (const match of source.matchAll(
    new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*'${from}'`, 'g'),
  )) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)[0]
        ?.trim();
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

let template: CloudFormationTemplate;
let bundles: Array<{ name: string; zip: Buffer } & BundleContents>;
let unpacked: string;

beforeAll(() => {
  template = ensurePackaged();
  bundles = resourcesOfType(template, 'AWS::Lambda::Function').map(([, fn]) => {
    const key = String((fn.Properties?.Code as { S3Key: string }).S3Key);
    const zip = readFileSync(path.join(PACKAGE_DIR, path.basename(key)));
    return {
      name: path.basename(key, '.zip'),
      zip,
      ...readBundleContents(readZipEntries(zip)),
    };
  });
  unpacked = mkdtempSync(path.join(tmpdir(), 'solpay-bundles-'));
}, 600_000);

afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

/** Writes a function's package to a folder of its own; returns the folder. */
function unpack(bundle: { name: string; zip: Buffer }): string {
  const dir = path.join(unpacked, bundle.name);
  for (const entry of readZipEntries(bundle.zip)) {
    const file = path.join(dir, entry.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, entry.data);
  }
  return dir;
}

/** The handler bundle's file in a package: the `.js` file whose name has no other dot (the
 * files it loads on demand are named `<handler>.<module>.js`). */
function handlerFile(bundle: BundleContents): string {
  const handler = bundle.codeFiles.find((file) => /^[^.]+\.js$/.test(path.basename(file)));
  if (!handler) throw new Error('no handler bundle');
  return handler;
}

describe('Lambda bundles', () => {
  it(`each hold at most ${CODE_BUDGET_BYTES / 1024 / 1024} MB of code`, () => {
    console.log(
      `Lambda code per function (budget ${CODE_BUDGET_BYTES} bytes, source maps excluded):\n` +
        bundles
          .map((b) => `  ${b.name.padEnd(20)} ${(b.codeBytes / 1024).toFixed(0).padStart(6)} KB`)
          .join('\n'),
    );
    expect(bundles.length).toBeGreaterThan(10);
    const over = bundles.filter((b) => b.codeBytes > CODE_BUDGET_BYTES);
    expect(over.map((b) => `${b.name}: ${b.codeBytes} bytes`)).toEqual([]);
  });

  it('contain no local-only module (emulators, validators, embedded database, test kit)', () => {
    const found = bundles.flatMap((b) => [
      ...LOCAL_ONLY_PACKAGES.filter((name) => b.packages.has(name)).map((m) => `${b.name}: ${m}`),
      ...LOCAL_ONLY_WORKSPACES.filter((dir) => b.workspaces.has(dir)).map((m) => `${b.name}: ${m}`),
    ]);
    expect(found).toEqual([]);
    // The reading itself works: every bundle shows its own code and the Prisma client.
    for (const b of bundles) {
      expect({ name: b.name, lambda: b.workspaces.has('packages/lambda') }).toEqual({
        name: b.name,
        lambda: true,
      });
    }
  });

  it('carry a service client (AWS SDK, web3.js) only where the function calls it', () => {
    const misplaced = bundles.flatMap((b) =>
      Object.entries(SDK_CLIENT_USERS)
        .filter(([client, users]) => b.packages.has(client) !== users.includes(b.name))
        .map(([client]) => `${b.name}: ${b.packages.has(client) ? 'has' : 'lacks'} ${client}`),
    );
    expect(misplaced).toEqual([]);
  });

  it("load Prisma's runtime only from the file beside the handler, so each has one copy and one query compiler", () => {
    const problems = bundles.flatMap((b) => {
      const withPrisma = [...b.packagesByFile]
        .filter(([, packages]) => packages.has('@prisma/client'))
        .map(([file]) => file);
      const wasm = b.codeFiles.filter((file) => file.endsWith('.wasm'));
      return [
        ...withPrisma
          .filter((file) => !file.endsWith('.prisma-runtime.js'))
          .map((file) => `${b.name}: Prisma's runtime bundled into ${file}`),
        ...(withPrisma.length > 1 ? [`${b.name}: ${withPrisma.length} Prisma runtimes`] : []),
        ...(wasm.length > 1 ? [`${b.name}: ${wasm.length} query compilers`] : []),
        ...(wasm.length !== withPrisma.length ? [`${b.name}: a compiler without a runtime`] : []),
      ];
    });
    expect(problems).toEqual([]);
    // The reading works: functions that query through Prisma carry it, beside the handler.
    expect(
      bundles.filter((b) => b.codeFiles.some((f) => f.endsWith('.prisma-runtime.js'))).length,
    ).toBeGreaterThan(5);
  });

  it('keep web3.js and spl-token in the file beside the handler, unloaded until a request needs them', () => {
    const problems: string[] = [];
    for (const b of bundles) {
      for (const [file, packages] of b.packagesByFile) {
        const inFile = Object.values(SOLANA_PACKAGES).filter((pkg) => packages.has(pkg));
        if (inFile.length > 0 && !file.endsWith('.solana.js')) {
          problems.push(`${b.name}: ${inFile.join(', ')} bundled into ${file}`);
        }
      }
      const side = b.codeFiles.find((file) => file.endsWith('.solana.js'));
      if (b.packages.has(SOLANA_PACKAGES.web3) !== (side !== undefined)) {
        problems.push(`${b.name}: web3.js without its own file, or a file without web3.js`);
      }
      if (!side) continue;
      const dir = unpack(b);
      const handler = path.join(dir, handlerFile(b));
      // A fresh process loads the handler bundle (no request): the Solana file stays unread.
      // The names our code imports from each package are all in it.
      const sources = [...(b.sourcesByFile.get(handlerFile(b)) ?? [])]
        .filter((source) => /^(packages|apps)\//.test(source))
        .map((source) => path.join(REPO_ROOT, source));
      const wanted = Object.fromEntries(
        Object.entries(SOLANA_PACKAGES).map(([key, pkg]) => [
          key,
          [...new Set(sources.flatMap((source) => valueImports(source, pkg)))],
        ]),
      );
      const probe = spawnSync(
        process.execPath,
        [
          '-e',
          `require(${JSON.stringify(handler)});
          const loaded = Object.keys(require.cache).some((file) => file.endsWith('.solana.js'));
          const side = require(${JSON.stringify(path.join(dir, side))});
          const wanted = ${JSON.stringify(wanted)};
          const missing = Object.entries(wanted).flatMap(([key, names]) =>
            names.filter((name) => side[key][name] === undefined).map((name) => key + '.' + name));
          process.stdout.write(JSON.stringify({ loaded, missing }));`,
        ],
        { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 },
      );
      const report = JSON.parse(probe.stdout || '{}') as { loaded?: boolean; missing?: string[] };
      if (probe.status !== 0)
        problems.push(`${b.name}: probe failed: ${probe.stderr.slice(0, 300)}`);
      if (report.loaded) problems.push(`${b.name}: loading the handler loads ${side}`);
      for (const name of report.missing ?? []) problems.push(`${b.name}: ${side} lacks ${name}`);
      if (wanted.web3?.length === 0)
        problems.push(`${b.name}: no web3.js import found in its sources`);
    }
    expect(problems).toEqual([]);
  });
});
