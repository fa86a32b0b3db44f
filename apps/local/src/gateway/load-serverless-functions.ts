import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { cloudFormationTags } from './cloudformation-tags';
import type { LambdaFunction } from './lambda-route';

const numberish = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const serverlessSchema = z.object({
  provider: z
    .object({ timeout: numberish.optional(), memorySize: numberish.optional() })
    .loose()
    .optional(),
  functions: z.record(
    z.string(),
    z
      .object({
        handler: z.string().regex(/^[^.]+(\.[^.]+)*\.[A-Za-z_$][\w$]*$/, {
          error: 'must look like path/to/module.exportName',
        }),
        timeout: numberish.optional(),
        memorySize: numberish.optional(),
        events: z.array(z.unknown()).optional(),
      })
      .loose(),
  ),
});

const MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * Reads the `functions` section of a serverless.yml (CloudFormation tags and `${...}` variables
 * are tolerated and left unevaluated) and resolves each handler to its module under the
 * directory holding the file. Throws if the file is malformed.
 */
export function loadServerlessFunctions(serverlessYmlPath: string): LambdaFunction[] {
  const rootDir = dirname(resolve(serverlessYmlPath));
  const document: unknown = parse(readFileSync(serverlessYmlPath, 'utf8'), {
    customTags: cloudFormationTags,
  });
  const parsed = serverlessSchema.safeParse(document);
  if (!parsed.success) {
    throw new Error(`Invalid ${serverlessYmlPath}: ${z.prettifyError(parsed.error)}`);
  }
  const provider = parsed.data.provider ?? {};
  return Object.entries(parsed.data.functions).map(([name, fn]) => {
    const dot = fn.handler.lastIndexOf('.');
    return {
      name,
      handler: fn.handler,
      modulePath: resolve(rootDir, fn.handler.slice(0, dot)),
      exportName: fn.handler.slice(dot + 1),
      timeoutSeconds: fn.timeout ?? provider.timeout ?? 6,
      memorySize: fn.memorySize ?? provider.memorySize ?? 1024,
      events: fn.events ?? [],
    };
  });
}

/** The file implementing `fn`'s module (first existing `.ts`/`.js` variant), or undefined. */
export function resolveModuleFile(fn: Pick<LambdaFunction, 'modulePath'>): string | undefined {
  return MODULE_EXTENSIONS.map((ext) => fn.modulePath + ext).find((file) => existsSync(file));
}
