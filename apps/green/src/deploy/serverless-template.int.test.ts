/**
 * Checks the AWS deployment as packaged by `npx serverless package --stage prod` (offline):
 * the CloudFormation template and every function's zip. CI packages first (.ci/run); when
 * `.serverless/` is missing or older than serverless.yml this suite packages itself (~1.5 min).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@solpay/db';
import { LOCAL_DEV_SECRETS } from '@solpay/local';
import {
  resourcesOfType,
  stringLeaves,
  type CloudFormationTemplate,
} from './cloudformation-template';
import { ensurePackaged, PACKAGE_DIR } from './ensure-packaged';
import { findSecretLikeValues } from './find-secret-like-values';
import { readZipEntries } from './read-zip-entries';

/** Largest acceptable deployment package per function (zipped; Lambda's own limit is 50 MB). */
const ZIP_BUDGET_KB = 8 * 1024;

let template: CloudFormationTemplate;

beforeAll(() => {
  template = ensurePackaged();
}, 600_000);

const props = (id: string) => template.Resources[id]?.Properties ?? {};
const functions = () => resourcesOfType(template, 'AWS::Lambda::Function');
const refOf = (value: unknown) => (value as { Ref?: string } | undefined)?.Ref;
const getAttOf = (value: unknown) =>
  (value as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'];
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}

function roleStatements(roleId: string): Statement[] {
  const policies = (props(roleId).Policies ?? []) as Array<{
    PolicyDocument: { Statement: Statement[] };
  }>;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

describe('green gateway: mutual TLS only', () => {
  it('has a regional TLS 1.2 custom domain with a trust store, mapped to the REST API', () => {
    const domains = resourcesOfType(template, 'AWS::ApiGateway::DomainName');
    expect(domains).toHaveLength(1);
    const [domainId, domain] = domains[0]!;
    expect(domain.Properties).toMatchObject({
      SecurityPolicy: 'TLS_1_2',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      MutualTlsAuthentication: {
        TruststoreUri: expect.stringMatching(/^s3:\/\/[a-z0-9.-]+\/.+\.pem$/),
      },
    });
    const mappings = resourcesOfType(template, 'AWS::ApiGateway::BasePathMapping');
    expect(
      mappings.map(([, m]) => [refOf(m.Properties?.DomainName), refOf(m.Properties?.RestApiId)]),
    ).toEqual([[domainId, 'ApiGatewayRestApi']]);
  });

  it('disables the execute-api endpoint of both APIs (no way around the custom domains)', () => {
    expect(props('ApiGatewayRestApi')).toMatchObject({
      DisableExecuteApiEndpoint: true,
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
    expect(props('HttpApi').DisableExecuteApiEndpoint).toBe(true);
  });

  it('leaves CORS on purple to the handlers (gateway CORS would override `*` on /tx)', () => {
    expect(props('HttpApi').CorsConfiguration).toBeUndefined();
    expect(resourcesOfType(template, 'AWS::ApiGatewayV2::DomainName')).toHaveLength(1);
  });
});

describe('Shopify mutation retries', () => {
  it('dead-letters the retry queue and alarms on the dead-letter queue', () => {
    const redrive = props('ShopifyRetryQueue').RedrivePolicy as {
      deadLetterTargetArn: unknown;
      maxReceiveCount: number;
    };
    expect(getAttOf(redrive.deadLetterTargetArn)).toEqual(['ShopifyRetryDeadLetterQueue', 'Arn']);
    expect(redrive.maxReceiveCount).toBeGreaterThan(0);
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').filter(([, alarm]) =>
      JSON.stringify(alarm.Properties?.Dimensions ?? []).includes('ShopifyRetryDeadLetterQueue'),
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]![1].Properties?.AlarmActions).toBeDefined();
  });

  it('runs a Wait(SecondsPath) → Task state machine on the mutationRetry function', () => {
    const machines = resourcesOfType(template, 'AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(1);
    const definition = machines[0]![1].Properties?.DefinitionString as {
      'Fn::Sub': [string, Record<string, unknown>];
    };
    const [json, variables] = definition['Fn::Sub'];
    const states = (JSON.parse(json) as { States: Record<string, Record<string, unknown>> }).States;
    const wait = Object.values(states).find((state) => state.Type === 'Wait');
    const task = Object.values(states).find((state) => state.Type === 'Task');
    expect(wait?.SecondsPath).toBe('$.delaySeconds');
    const placeholder = String(task?.Resource).replace(/^\$\{|\}$/g, '');
    expect(getAttOf(variables[placeholder])).toEqual(['MutationRetryLambdaFunction', 'Arn']);
  });

  it('consumes the retry queue with partial batch failures', () => {
    const mappings = resourcesOfType(template, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]![1].Properties).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceArn: { 'Fn::GetAtt': ['ShopifyRetryQueue', 'Arn'] },
    });
  });
});

describe('functions', () => {
  it('gives every function its own role, with no wildcard actions', () => {
    const roles = functions().map(([, fn]) => getAttOf(fn.Properties?.Role)?.[0]);
    expect(roles.every((role) => role !== undefined)).toBe(true);
    expect(new Set(roles).size).toBe(roles.length);
    for (const role of roles) {
      for (const statement of roleStatements(role!)) {
        for (const action of asArray(statement.Action)) expect(action).not.toMatch(/\*/);
        expect(JSON.stringify(statement.Resource ?? null)).not.toBe('"*"');
      }
    }
  });

  it('lets each function read exactly the secrets it loads at cold start, and nothing else', () => {
    for (const [id, fn] of functions()) {
      const env = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.AWS_LAMBDA_EXEC_WRAPPER).toBe('/var/task/deploy/secrets-loader/load-secrets');
      const ids = env.APP_SECRET_IDS as {
        Ref?: string;
        'Fn::Join'?: [string, Array<{ Ref: string }>];
      };
      const loaded =
        ids.Ref !== undefined ? [ids.Ref] : ids['Fn::Join']![1].map((item) => item.Ref);
      const readable = roleStatements(getAttOf(fn.Properties?.Role)![0])
        .filter((statement) => asArray(statement.Action).includes('secretsmanager:GetSecretValue'))
        .flatMap((statement) => asArray(statement.Resource).map(refOf));
      expect({ id, secrets: [...readable].sort() }).toEqual({ id, secrets: [...loaded].sort() });
      for (const secret of loaded)
        expect(template.Resources[secret!]?.Type).toBe('AWS::SecretsManager::Secret');
    }
  });

  it('keeps logs for a bounded time', () => {
    for (const [, fn] of functions()) {
      const name = String(fn.Properties?.FunctionName);
      const group = resourcesOfType(template, 'AWS::Logs::LogGroup').find(
        ([, log]) => log.Properties?.LogGroupName === `/aws/lambda/${name}`,
      );
      expect(group?.[1].Properties?.RetentionInDays).toBe(30);
    }
  });

  it('schedules the discovery poll, the outbox sweep and the gas balance check', () => {
    const targets = resourcesOfType(template, 'AWS::Events::Rule').map(
      ([, rule]) => getAttOf((rule.Properties?.Targets as Array<{ Arn: unknown }>)[0]!.Arn)?.[0],
    );
    expect(targets.sort()).toEqual(
      [
        'DiscoveryPollLambdaFunction',
        'GasBalanceCheckLambdaFunction',
        'OutboxSweepLambdaFunction',
      ].sort(),
    );
  });

  it('alarms when the gas wallet runs low (metric and log filter)', () => {
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(
      ([, alarm]) => alarm.Properties ?? {},
    );
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'GasWalletBalanceLamports',
        ComparisonOperator: 'LessThanThreshold',
        Threshold: '100000000',
      }),
    );
    const filters = resourcesOfType(template, 'AWS::Logs::MetricFilter').map(
      ([, filter]) => filter.Properties ?? {},
    );
    expect(filters).toContainEqual(
      expect.objectContaining({ FilterPattern: '{ $.msg = "gas wallet balance low" }' }),
    );
  });
});

describe('no secrets in the template', () => {
  const devSecrets = Object.values(LOCAL_DEV_SECRETS);

  it('the scanner catches planted secrets (so that an empty finding list means something)', () => {
    const planted = [
      ...devSecrets.map((value, index) => ({ path: `dev${index}`, value: `x${value}x` })),
      { path: 'pem', value: '-----BEGIN PRIVATE KEY-----\nMIIE' },
      { path: 'db', value: 'postgresql://app:hunter2hunter2@db.example.com:5432/solpay' },
      { path: 'rpc', value: 'https://mainnet.helius-rpc.com/?api-key=abc123' },
      { path: 'gas', value: JSON.stringify(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)) },
      {
        path: 'b58',
        value:
          '4'.repeat(10) +
          'NBwFkbqsLpXNt9DsU2jM7pN3zwqJ6DNB9sUhYtsq1VXgkkK6S1w1HpqGZDykn5NcsC2pBY7sQEU3Gkz3dHdGuy',
      },
      { path: 'random', value: 'Qm9vdHN0cmFwU2VjcmV0S2V5Rm9yVGVzdHMxMjM0NTY3OA' },
    ];
    expect(findSecretLikeValues(planted, devSecrets).map((finding) => finding.path)).toEqual(
      planted.map((item) => item.path),
    );
  });

  it('holds no secret-like string anywhere (secrets are read from Secrets Manager at run time)', () => {
    // Logical ids (e.g. `…LambdaVersion<hash>`) and code hashes are names, not secrets.
    const logicalIds = new Set(Object.keys(template.Resources));
    const strings = stringLeaves(template).filter(
      ({ path: where, value }) => !where.endsWith('.CodeSha256') && !logicalIds.has(value),
    );
    expect(findSecretLikeValues(strings, devSecrets)).toEqual([]);
  });
});

describe('web apps on S3 + CloudFront', () => {
  const headerPolicy = (id: string) =>
    (
      props(id).ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      }
    ).SecurityHeadersConfig;

  it('serves private buckets through origin access control', () => {
    for (const id of ['CheckoutDistribution', 'PortalDistribution']) {
      const config = props(id).DistributionConfig as {
        Origins: Array<{ OriginAccessControlId: unknown }>;
        ViewerCertificate: { MinimumProtocolVersion: string };
      };
      expect(getAttOf(config.Origins[0]!.OriginAccessControlId)).toEqual([
        'WebOriginAccessControl',
        'Id',
      ]);
      expect(config.ViewerCertificate.MinimumProtocolVersion).toBe('TLSv1.2_2021');
    }
  });

  it('sends CSP, HSTS, nosniff; the portal may be framed by Shopify admin only', () => {
    for (const id of ['CheckoutHeadersPolicy', 'PortalHeadersPolicy']) {
      const headers = headerPolicy(id);
      expect(headers.StrictTransportSecurity?.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(
        31536000,
      );
      expect(headers.ContentTypeOptions?.Override).toBe(true);
      expect(String(headers.ContentSecurityPolicy?.ContentSecurityPolicy)).toMatch(
        /default-src 'self'/,
      );
    }
    expect(
      String(headerPolicy('PortalHeadersPolicy').ContentSecurityPolicy?.ContentSecurityPolicy),
    ).toMatch(/frame-ancestors https:\/\/admin\.shopify\.com https:\/\/\*\.myshopify\.com$/);
    expect(
      String(headerPolicy('CheckoutHeadersPolicy').ContentSecurityPolicy?.ContentSecurityPolicy),
    ).toMatch(/frame-ancestors 'none'/);
  });
});

describe('deployment packages', () => {
  let database: TestDatabase | undefined;
  let scratch: string | undefined;

  afterAll(async () => {
    await database?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const zipOf = (fn: { Properties?: Record<string, unknown> }) =>
    path.join(PACKAGE_DIR, path.basename(String((fn.Properties?.Code as { S3Key: string }).S3Key)));

  it(`stays under ${ZIP_BUDGET_KB} KB per function and ships the secrets loader`, () => {
    const rows = functions().map(([id, fn]) => {
      const file = zipOf(fn);
      const entries = readZipEntries(readFileSync(file));
      const wrapper = entries.find((entry) => entry.name === 'deploy/secrets-loader/load-secrets');
      expect({ id, wrapperExecutable: ((wrapper?.mode ?? 0) & 0o111) !== 0 }).toEqual({
        id,
        wrapperExecutable: true,
      });
      expect(entries.some((entry) => entry.name === 'deploy/secrets-loader/load-secrets.cjs')).toBe(
        true,
      );
      const handler = String(fn.Properties?.Handler).replace(/\.[^.]+$/, '.js');
      expect(entries.some((entry) => entry.name === handler)).toBe(true);
      return {
        function: String(fn.Properties?.FunctionName).replace(/^.*-prod-/, ''),
        kb: Math.ceil(statSync(file).size / 1024),
      };
    });
    console.log(
      `Deployment packages (budget ${ZIP_BUDGET_KB} KB each):\n` +
        rows
          .map((row) => `  ${row.function.padEnd(22)} ${String(row.kb).padStart(7)} KB`)
          .join('\n'),
    );
    for (const row of rows) expect(row).toEqual({ function: row.function, kb: expect.any(Number) });
    expect(rows.filter((row) => row.kb > ZIP_BUDGET_KB)).toEqual([]);
  });

  it('runs a bundle on its own (Prisma client + wasm inside): green /health answers from the database', async () => {
    database = await createTestDatabase('pglite');
    scratch = mkdtempSync(path.join(tmpdir(), 'bundle-'));
    const [, fn] = functions().find(([id]) => id === 'GreenHealthLambdaFunction')!;
    for (const entry of readZipEntries(readFileSync(zipOf(fn)))) {
      const target = path.join(scratch, entry.name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, entry.data, { mode: entry.mode || 0o644 });
    }
    const event = {
      resource: '/health',
      path: '/health',
      httpMethod: 'GET',
      headers: {},
      multiValueHeaders: {},
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
      requestContext: {
        requestId: 'bundle-smoke',
        stage: 'prod',
        identity: { sourceIp: '127.0.0.1' },
      },
    };
    const script = `require(${JSON.stringify(path.join(scratch, 'apps/green/src/handlers/health.js'))})
      .handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-smoke', getRemainingTimeInMillis: () => 10000 })
      .then((result) => { console.log('RESULT ' + JSON.stringify(result)); process.exit(0); },
            (error) => { console.error(error); process.exit(1); });`;
    // A fresh Node process in the scratch dir: nothing outside the zip can be resolved. Async,
    // because the embedded database answering it runs in this process.
    const run = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['-e', script],
        {
          cwd: scratch,
          encoding: 'utf8',
          timeout: 60_000,
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: database!.url,
            STAGE: 'prod',
            LOG_LEVEL: 'error',
          },
        },
        (error, stdout, stderr) => resolve({ status: error ? 1 : 0, stdout, stderr }),
      );
    });
    const line = run.stdout.split('\n').find((text) => text.startsWith('RESULT '));
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    const result = JSON.parse(line!.slice('RESULT '.length)) as {
      statusCode: number;
      body: string;
    };
    expect({
      statusCode: result.statusCode,
      logs: result.statusCode === 200 ? '' : run.stdout,
    }).toEqual({
      statusCode: 200,
      logs: '',
    });
    expect(JSON.parse(result.body)).toEqual({ status: 'ok', database: 'ok' });
  }, 120_000);
});
