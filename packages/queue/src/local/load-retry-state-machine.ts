import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type ScalarTag } from 'yaml';
import * as z from 'zod';

/** The deployment file at the repository root. */
export const DEFAULT_SERVERLESS_YML = path.resolve(__dirname, '../../../../serverless.yml');

/** Key of the retry machine under `stepFunctions.stateMachines` in `serverless.yml`. */
export const RETRY_STATE_MACHINE_KEY = 'shopifyRetry';

const stateSchema = z.looseObject({
  Type: z.string(),
  Resource: z.unknown().optional(),
  Seconds: z.number().optional(),
  SecondsPath: z.string().optional(),
  Retry: z.array(z.looseObject({ IntervalSeconds: z.number().optional() })).optional(),
});

const definitionSchema = z.looseObject({
  StartAt: z.string(),
  States: z.record(z.string(), stateSchema),
});

/** An Amazon States Language definition as found in `serverless.yml` (validated loosely). */
export type StateMachineDefinition = z.infer<typeof definitionSchema>;

const serverlessSchema = z.looseObject({
  stepFunctions: z.looseObject({
    stateMachines: z.record(z.string(), z.looseObject({ definition: definitionSchema })),
  }),
});

// CloudFormation short-form tags appear elsewhere in the file; give them their long form.
const cloudFormationTags: ScalarTag[] = ['Ref', 'GetAtt', 'Sub', 'ImportValue', 'GetAZs'].map(
  (name) => ({
    tag: `!${name}`,
    resolve: (value: string) =>
      name === 'Ref'
        ? { Ref: value }
        : { [`Fn::${name}`]: name === 'GetAtt' ? value.split('.') : value },
  }),
);

/**
 * Reads the retry state machine's definition from `serverless.yml`, so the local stack runs the
 * exact machine that is deployed. Task `Resource`s (CloudFormation references there) are replaced
 * by placeholder Lambda ARNs: locally every Task is overridden by a local handler anyway.
 */
export async function loadRetryStateMachine(
  serverlessYmlPath: string = DEFAULT_SERVERLESS_YML,
  key: string = RETRY_STATE_MACHINE_KEY,
): Promise<StateMachineDefinition> {
  const source = await readFile(serverlessYmlPath, 'utf8');
  const document = serverlessSchema.parse(
    parse(source, { customTags: cloudFormationTags, logLevel: 'error' }),
  );
  const machine = document.stepFunctions.stateMachines[key];
  if (!machine) throw new Error(`serverless.yml has no stepFunctions.stateMachines.${key}`);
  const states = Object.fromEntries(
    Object.entries(machine.definition.States).map(([name, state]) => [
      name,
      state.Type === 'Task'
        ? { ...state, Resource: `arn:aws:lambda:us-east-1:000000000000:function:local-${name}` }
        : state,
    ]),
  );
  return { ...machine.definition, States: states };
}
