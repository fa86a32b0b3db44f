export * from './pem-certificate';
export * from './create-certificate-authority';
export type { KeyAlgorithm } from './generate-key-pair';
export * from './issue-certificate';
export * from './dev-certificates';
export * from './ensure-dev-certificates';
