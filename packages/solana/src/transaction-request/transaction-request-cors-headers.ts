/**
 * CORS headers for the transaction-request endpoint: browser wallets fetch it with
 * `mode: 'cors'`, so every answer (including `OPTIONS` preflights and errors) carries these.
 */
export const TRANSACTION_REQUEST_CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept-Encoding',
});
