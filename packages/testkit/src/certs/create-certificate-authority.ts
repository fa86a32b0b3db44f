import forge from 'node-forge';
import { generateKeyPair } from './generate-key-pair';
import type { PemCertificate } from './pem-certificate';
import { randomSerialNumber } from './random-serial-number';
import { signCertificate } from './sign-certificate';
import { subjectKeyIdentifierExtension } from './subject-key-identifier-extension';

/** Options for {@link createCertificateAuthority}. */
export interface CertificateAuthorityOptions {
  /** Subject common name, e.g. `"Solana Pay for Shopify dev CA"`. */
  commonName: string;
  /** Subject organisation. Defaults to `"Solana Pay for Shopify (dev)"`. */
  organization?: string;
  /** Validity in days from now. Defaults to 3650. */
  validityDays?: number;
}

/** Creates a self-signed root certificate authority (RSA-2048, SHA-256). */
export function createCertificateAuthority(options: CertificateAuthorityOptions): PemCertificate {
  const keys = generateKeyPair('rsa-2048');
  const cert = forge.pki.createCertificate();
  cert.serialNumber = randomSerialNumber();
  const notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(
    notBefore.getTime() + (options.validityDays ?? 3650) * 24 * 60 * 60 * 1000,
  );
  const subject = [
    { name: 'commonName', value: options.commonName },
    { name: 'organizationName', value: options.organization ?? 'Solana Pay for Shopify (dev)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    subjectKeyIdentifierExtension(keys.subjectPublicKeyInfo),
  ]);
  return {
    cert: signCertificate(cert, keys.subjectPublicKeyInfo, keys.privateKeyPem),
    key: keys.privateKeyPem,
  };
}
