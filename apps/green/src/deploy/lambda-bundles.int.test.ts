/**
 * Budgets of the Lambda bundles that `npx serverless package --stage prod` writes to
 * `.serverless/` (CI packages first; see ensure-packaged.ts): each function's code stays small
 * (cold start) and carries no module that only tests or the local stack run, and no AWS SDK
 * or Solana RPC client it never calls (DESIGN §3.8).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { resourcesOfType, type CloudFormationTemplate } from './cloudformation-template';
import { ensurePackaged, PACKAGE_DIR } from './ensure-packaged';
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

let template: CloudFormationTemplate;
let bundles: Array<{ name: string } & BundleContents>;

beforeAll(() => {
  template = ensurePackaged();
  bundles = resourcesOfType(template, 'AWS::Lambda::Function').map(([, fn]) => {
    const key = String((fn.Properties?.Code as { S3Key: string }).S3Key);
    const zip = readFileSync(path.join(PACKAGE_DIR, path.basename(key)));
    return {
      name: path.basename(key, '.zip'),
      ...readBundleContents(readZipEntries(zip)),
    };
  });
}, 600_000);

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
});
