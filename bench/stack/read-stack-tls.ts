import { readFileSync } from 'node:fs';
import type { StackFile } from '../../apps/local/src/index';

/** The dev CA and the Shopify client certificate and key of a running stack (its `.local/certs`). */
export function readStackTls(stack: StackFile): { ca: string; cert: string; key: string } {
  return {
    ca: readFileSync(stack.certs.ca, 'utf8'),
    cert: readFileSync(stack.certs.shopifyClientCert, 'utf8'),
    key: readFileSync(stack.certs.shopifyClientKey, 'utf8'),
  };
}
