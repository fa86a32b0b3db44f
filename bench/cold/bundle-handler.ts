import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/** A bundled Lambda function. */
export interface HandlerBundle {
  /** The function's name in serverless.yml. */
  name: string;
  /** The bundle's entry file (`<outDir>/<name>/index.js`). */
  file: string;
  /** Bytes of code: `index.js` and the files it loads (Prisma's wasm), source maps excluded. */
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
  const result = await build({
    ...options,
    // serverless.yml's assetNames climbs out of a handler's folder; a bench bundle has its own.
    assetNames: '[name]-[hash]',
    entryPoints: [entryFile],
    outfile: file,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([output]) => !output.endsWith('.map'))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
  return { name, file, bytes };
}
