import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';
import { parse } from 'yaml';
import * as z from 'zod';
import { cloudFormationTags } from '../../apps/local/src/gateway/cloudformation-tags';

const esbuildSection = z.looseObject({
  bundle: z.boolean().optional(),
  minify: z.boolean().optional(),
  sourcemap: z.boolean().optional(),
  sourcesContent: z.boolean().optional(),
  keepNames: z.boolean().optional(),
  target: z.string().optional(),
  platform: z.enum(['node', 'neutral', 'browser']).optional(),
  format: z.enum(['cjs', 'esm', 'iife']).optional(),
  mainFields: z.array(z.string()).optional(),
  assetNames: z.string().optional(),
  exclude: z.array(z.string()).optional(),
  /** A module (relative to serverless.yml) exporting esbuild plugins. */
  plugins: z.string().optional(),
});

/**
 * The esbuild options `serverless package` uses (serverless.yml `custom.esbuild`; its `exclude`
 * list becomes `external`, its `plugins` module is loaded), so a bench bundle is the bundle that
 * gets deployed.
 */
export function serverlessEsbuildOptions(serverlessYmlPath: string): BuildOptions {
  const document = parse(readFileSync(serverlessYmlPath, 'utf8'), {
    customTags: cloudFormationTags,
  }) as { custom?: { esbuild?: unknown } };
  const { exclude, plugins, ...options } = esbuildSection.parse(document.custom?.esbuild ?? {});
  return {
    ...options,
    external: exclude ?? [],
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    plugins: plugins ? (require(resolve(dirname(serverlessYmlPath), plugins)) as Plugin[]) : [],
  };
}
