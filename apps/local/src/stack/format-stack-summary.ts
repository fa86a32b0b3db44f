import type { LocalStack } from './local-stack';

/** The friendly block `npm start` prints: URLs, certificates and how to call green. */
export function formatStackSummary(stack: LocalStack): string {
  const { urls, certs } = stack;
  const wallets = stack.stackFile.contents.wallets;
  const lines = [
    '',
    '  Solana Pay for Shopify — local stack is up',
    '',
    `  Shopify simulator  ${urls.shopify}   (storefront + admin: place orders, refund)`,
    `  Checkout           ${urls.checkout}`,
    `  Portal             ${urls.portal}`,
    `  Purple gateway     ${urls.purple}   (wallets, Helius, web app APIs)`,
    `  Green gateway      ${urls.green}   (mTLS: Shopify dev client certificate only)`,
    `  Solana RPC         ${urls.rpc}`,
    `  Database           ${stack.databaseUrl}`,
    // The embedded database's own URL is its Unix socket; tools that want TCP have the port.
    ...(stack.ports.database > 0 && new URL(stack.databaseUrl).searchParams.has('host')
      ? [
          `  Database over TCP  postgresql://postgres:postgres@127.0.0.1:${stack.ports.database}/postgres`,
        ]
      : []),
    '',
    `  Demo shop          ${stack.demoShop.domain}`,
    `  Mint               ${stack.stackFile.contents.mint}`,
    ...(wallets
      ? [`  Buyer wallet       ${wallets.buyer}`, `  Merchant wallet    ${wallets.merchant}`]
      : []),
    '',
    `  Dev CA (trust it)  ${certs.ca.path}`,
    `  Try:  curl --cacert ${certs.ca.path} ${urls.purple}/health`,
    `        curl --cacert ${certs.ca.path} --cert ${certs.shopifyClient.certPath} \\`,
    `             --key ${certs.shopifyClient.keyPath} ${urls.green}/health`,
    '',
    `  Details: ${stack.stackFile.path}   —   Ctrl-C stops everything.`,
    '',
  ];
  return lines.join('\n');
}
