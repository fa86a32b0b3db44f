import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod';
import { cloudFormationTags } from '../../apps/local/src/gateway/cloudformation-tags';

const environment = z.looseObject({ NODE_OPTIONS: z.string().optional() }).optional();

const serverlessDocument = z.looseObject({
  provider: z.looseObject({ environment }).optional(),
  functions: z.record(z.string(), z.looseObject({ environment }).nullable()).optional(),
});

/**
 * Reads serverless.yml once and answers, per function, the `NODE_OPTIONS` it is deployed with:
 * its own `environment.NODE_OPTIONS`, else `provider.environment.NODE_OPTIONS`, else none
 * (`undefined`), so a cold-start measurement starts Node exactly as Lambda will.
 */
export function serverlessNodeOptions(
  serverlessYmlPath: string,
): (functionName: string) => string | undefined {
  const document = serverlessDocument.parse(
    parse(readFileSync(serverlessYmlPath, 'utf8'), { customTags: cloudFormationTags }),
  );
  return (functionName) =>
    document.functions?.[functionName]?.environment?.NODE_OPTIONS ??
    document.provider?.environment?.NODE_OPTIONS;
}
