import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the browser side of the dev wallet (`browser/register-dev-wallet.ts`) for `basePath`. */
export async function bundleDevWalletScript(basePath: string): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'browser', 'register-dev-wallet.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    define: { DEV_WALLET_BASE: JSON.stringify(basePath) },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no dev wallet script');
  return output.text;
}
