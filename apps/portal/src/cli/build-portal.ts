import { resolve } from 'node:path';
import { runWebAppBuild } from '@solpay/web/build';

/**
 * Builds the deployable portal site (S3/CloudFront or any static host) into `--out` (default
 * `apps/portal/dist`): `public/` + a minified `main.js` and `main.css`. With `--purple-origin`
 * (and optional `--cluster`, `--rpc-url`) it also writes `config.json`; otherwise the deploy step
 * uploads one (see `apps/portal/README.md`). The local merchant test wallet is never included.
 *
 * `npx tsx apps/portal/src/cli/build-portal.ts --purple-origin https://api.example.com --cluster mainnet-beta`
 */
runWebAppBuild('portal', resolve(__dirname, '../..'));
