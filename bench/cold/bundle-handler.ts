import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** A bundled Lambda function. */
export interface HandlerBundle {
  /** The function's name in serverless.yml. */
  name: string;
  /** The bundle's entry file (`<outDir>/<name>/index.js`). */
  file: string;
  /** Size of `index.js` in bytes (the source map is a separate file, not loaded unless an error is mapped). */
  bytes: number;
}

/**
 * Bundles one handler module the way `serverless package` does (serverless.yml `custom.esbuild`:
 * bundle, minify, source map, target node24, platform node, CommonJS), into `<outDir>/<name>/`.
 */
export async function bundleHandler(
  name: string,
  entryFile: string,
  outDir: string,
): Promise<HandlerBundle> {
  const file = join(outDir, name, 'index.js');
  await build({
    entryPoints: [entryFile],
    outfile: file,
    bundle: true,
    minify: true,
    sourcemap: true,
    target: 'node24',
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
  return { name, file, bytes: statSync(file).size };
}
