// Browser code shared by the checkout page and the merchant portal. Node-only build helpers
// are in `@solpay/web/build`; the shared stylesheet is `@solpay/web/styles/base.css`.
export * from './api/request-transaction';
export * from './config/load-web-config';
export * from './config/web-config';
export * from './encoding/base64-to-bytes';
export * from './encoding/bytes-to-base64';
export * from './encoding/decode-base58';
export * from './encoding/encode-base58';
export * from './format/format-fiat';
export * from './format/format-usdc';
export * from './format/format-token-cell';
export * from './qr/qr-code-cache';
export * from './qr/qr-code-data-url';
export * from './view/h';
export * from './wallet/broadcast-transaction';
export * from './wallet/is-user-rejection';
export * from './wallet/pay-with-wallet';
export * from './wallet/pay-with-wallet-activity';
export * from './wallet/payment-wallet';
export * from './wallet/payment-wallets-of';
export * from './wallet/wallet-activity';
export * from './wallet/wallet-chain-of';
export * from './wallet/watch-payment-wallets';
