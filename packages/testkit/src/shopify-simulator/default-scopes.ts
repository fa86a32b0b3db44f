/** Scopes of tokens issued without the OAuth dance (what a payments app is granted). */
export const DEFAULT_SCOPES = 'write_payment_gateways,write_payment_sessions';
