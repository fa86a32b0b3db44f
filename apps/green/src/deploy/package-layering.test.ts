import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';

const ROOT = join(__dirname, '../../../..');

/**
 * Lints each `[filePath, code]` with ESLint's Node API (`new ESLint().lintText`) and the repo's
 * real `eslint.config.mjs`, in a child Node process: the config is an ES module, which jest's
 * CommonJS sandbox cannot import. Answers, per case, the layering findings and parse failures.
 */
function lintAll(cases: ReadonlyArray<readonly [string, string]>): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    import { join } from 'node:path';
    import { readFileSync } from 'node:fs';
    const cases = JSON.parse(readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [filePath, code] of cases) {
      const [result] = await eslint.lintText(code, { filePath: join(process.cwd(), filePath) });
      out.push(result.messages
        .filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal)
        .map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as string[][];
}

const WRONG: ReadonlyArray<readonly [string, string]> = [
  ['packages/domain/src/use-cases/x.ts', "import { createHttpHandler } from '@solpay/lambda';"],
  ['packages/domain/src/use-cases/x.ts', "export { readConfig } from '@solpay/lambda';"],
  ['packages/domain/src/use-cases/x.ts', "import type { PrismaClient } from '@prisma/client';"],
  ['packages/domain/src/use-cases/x.ts', "import { createPrismaClient } from '@solpay/db';"],
  ['packages/domain/src/use-cases/x.ts', "import { SQSClient } from '@aws-sdk/client-sqs';"],
  ['packages/domain/src/use-cases/x.ts', "import middy from '@middy/core';"],
  ['packages/domain/src/use-cases/x.ts', "import { request } from 'node:https';"],
  ['packages/domain/src/use-cases/x.ts', "import { createServer } from 'http';"],
  ['packages/domain/src/use-cases/x.ts', "import { PublicKey } from '@solana/web3.js';"],
  [
    'packages/domain/src/use-cases/x.ts',
    "import { transactionEngine } from '@solpay/composition';",
  ],
  [
    'packages/domain/src/use-cases/x.ts',
    "import { createPrismaRecordStore } from '@solpay/persistence';",
  ],
  ['packages/solana/src/guard/x.ts', "import { jsonResponse } from '@solpay/lambda';"],
  ['packages/solana/src/guard/x.ts', "import { chainPort } from '@solpay/composition';"],
  ['packages/solana/src/guard/x.ts', "import { createPrismaClient } from '@solpay/db';"],
  ['packages/solana/src/guard/x.ts', "import { SFNClient } from '@aws-sdk/client-sfn';"],
  ['packages/shopify/src/oauth/x.ts', "import { readConfig } from '@solpay/lambda';"],
  ['packages/queue/src/outbox/x.ts', "import { createHttpHandler } from '@solpay/lambda';"],
  ['packages/db/src/client/x.ts', "import { readConfig } from '@solpay/lambda';"],
  ['packages/lambda/src/http/x.ts', "import { lazyHandler } from '@solpay/handlers';"],
  [
    'packages/persistence/src/records/x.ts',
    "import { handler } from '../../../../apps/purple/src/x';",
  ],
  ['packages/persistence/src/records/x.ts', "import { handler } from '@solpay/purple';"],
  ['packages/persistence/src/records/x.ts', "import { chainPort } from '@solpay/composition';"],
  ['packages/adapters/src/chain/x.ts', "import { createPrismaClient } from '@solpay/db';"],
  ['packages/handlers/src/http/x.ts', "import { paymentSessionRoute } from '@solpay/composition';"],
  ['packages/handlers/src/http/x.ts', "import { createWeb3Chain } from '@solpay/adapters';"],
  ['packages/handlers/src/http/x.ts', "import { loadCheckoutPayment } from '@solpay/persistence';"],
  ['packages/composition/src/payments/x.ts', "import { startLocalChain } from '@solpay/testkit';"],
];

const RIGHT: ReadonlyArray<readonly [string, string]> = [
  [
    'packages/domain/src/use-cases/x.ts',
    "import Decimal from 'decimal.js';\nimport { z } from 'zod';\nimport { UnknownRecordError } from '../errors';",
  ],
  ['packages/domain/src/use-cases/x.test.ts', "import { startLocalChain } from '@solpay/testkit';"],
  [
    'packages/solana/src/guard/x.ts',
    "import { PublicKey } from '@solana/web3.js';\nimport { encodeBase58 } from '@solpay/domain';",
  ],
  ['packages/lambda/src/http/x.ts', "import { InvalidInputError } from '@solpay/domain';"],
  ['packages/queue/src/outbox/x.ts', "import { SQSClient } from '@aws-sdk/client-sqs';"],
  ['packages/persistence/src/records/x.ts', "import { createPrismaClient } from '@solpay/db';"],
  ['packages/handlers/src/http/x.ts', "import { createHttpHandler } from '@solpay/lambda';"],
  [
    'packages/composition/src/payments/x.ts',
    "import { createWeb3Chain } from '@solpay/adapters';\nimport { createPrismaRecordStore } from '@solpay/persistence';",
  ],
  ['apps/purple/src/handlers/x.ts', "import { paymentSessionRoute } from '@solpay/composition';"],
];

describe('package layering (eslint no-restricted-imports, DESIGN §3.7)', () => {
  let wrong: string[][];
  let right: string[][];
  beforeAll(() => {
    const all = lintAll([...WRONG, ...RIGHT]);
    wrong = all.slice(0, WRONG.length);
    right = all.slice(WRONG.length);
  });

  it.each(WRONG.map((c, index) => [...c, index] as const))(
    'refuses in %s: %s',
    (_filePath, _code, index) => {
      expect(wrong[index]).toHaveLength(1);
      expect(wrong[index]?.[0]).not.toMatch(/Parsing error/);
    },
  );

  it.each(RIGHT.map((c, index) => [...c, index] as const))(
    'allows in %s: %s',
    (_filePath, _code, index) => {
      expect(right[index]).toEqual([]);
    },
  );
});
