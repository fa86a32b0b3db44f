import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/** A bundled Lambda function. */
export interface HandlerBundle {
  /** The function's name in serverless.yml. */
  name: string;
  /** The bundle's entry file (`<outDir>/<name>/index.js`). */
  file: string;
  /** Bytes of code: `index.js` and the files it loads (Prisma's wasm, modules loaded on demand), source maps excluded. */
  bytes: number;
}

/**
 * Bundles one handler module the way `serverless package` does (`options`: serverless.yml
 * `custom.esbuild`, see `serverlessEsbuildOptions`), into `<outDir>/<name>/`.
 */
export async function bundleHandler(
  name: string,
  entryFile: string,
  outDir: string,
  options: BuildOptions,
): Promise<HandlerBundle> {
  const file = join(outDir, name, 'index.js');
  await build({
    ...options,
    entryPoints: [entryFile],
    outfile: file,
    logLevel: 'silent',
  });
  // Every file of the function's folder but source maps: the bundle, the assets it loads
  // (Prisma's wasm) and the modules it loads on demand (`<bundle>.<module>.js`, written by
  // deploy/esbuild/lambda-plugins.cjs after the build, so not in the metafile).
  const folder = dirname(file);
  const bytes = readdirSync(folder)
    .filter((entry) => !entry.endsWith('.map'))
    .reduce((sum, entry) => sum + statSync(join(folder, entry)).size, 0);
  return { name, file, bytes };
}
