import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** An RSA key pair: the private key as PEM (PKCS#1), the public key as a forge object for certificate building. */
export interface RsaKey {
  /** PKCS#1 PEM private key. */
  privateKeyPem: string;
  /** The public key, ready for `cert.publicKey`. */
  publicKey: forge.pki.rsa.PublicKey;
}

/**
 * Generates an RSA-2048 key pair with Node's native crypto.
 * Pure-JS forge key generation takes seconds; OpenSSL inside Node takes milliseconds.
 */
export function generateRsaKey(): RsaKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    privateKeyPem: privateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
}
