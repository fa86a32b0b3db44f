import { generateKeyPairSync } from 'node:crypto';

/**
 * Key types the dev PKI issues: RSA-2048 for the CAs and client certificates, ECDSA P-256 for
 * the HTTPS server (its handshake signature costs about a quarter of an RSA-2048 one).
 */
export type KeyAlgorithm = 'rsa-2048' | 'ecdsa-p256';

/** A key pair: the private key as PEM, the public key as DER SubjectPublicKeyInfo. */
export interface KeyPair {
  /** PEM private key: PKCS#1 for RSA, PKCS#8 for ECDSA. */
  privateKeyPem: string;
  /** DER `SubjectPublicKeyInfo`, placed as is in the certificate. */
  subjectPublicKeyInfo: Buffer;
}

/**
 * Generates a key pair with Node's native crypto (node-forge's pure-JS key generation takes
 * seconds, and forge cannot encode EC keys at all).
 */
export function generateKeyPair(algorithm: KeyAlgorithm): KeyPair {
  const { privateKey, publicKey } =
    algorithm === 'rsa-2048'
      ? generateKeyPairSync('rsa', {
          modulusLength: 2048,
          publicExponent: 0x10001,
          privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
          publicKeyEncoding: { type: 'spki', format: 'der' },
        })
      : generateKeyPairSync('ec', {
          namedCurve: 'prime256v1',
          privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
          publicKeyEncoding: { type: 'spki', format: 'der' },
        });
  return { privateKeyPem: privateKey, subjectPublicKeyInfo: publicKey };
}
