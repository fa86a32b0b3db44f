import { resolve } from 'node:path';
import { runWebAppBuild } from '@solpay/web/build';

/**
 * Builds the deployable checkout site (for S3/CloudFront or any static host) into `--out`
 * (default `apps/checkout/dist`): `public/` + a minified `main.js` and `main.css`. With
 * `--purple-origin` (and optional `--cluster`, `--rpc-url`) it also writes `config.json`;
 * otherwise the deploy step must upload one (see `apps/checkout/README.md`). The local test
 * wallet is never included.
 *
 * `npx tsx apps/checkout/src/cli/build-checkout.ts --purple-origin https://api.example.com --cluster mainnet-beta`
 */
runWebAppBuild('checkout', resolve(__dirname, '../..'));
