import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';
import { generateKeyPair, type KeyAlgorithm } from './generate-key-pair';
import type { PemCertificate } from './pem-certificate';
import { randomSerialNumber } from './random-serial-number';
import { signCertificate } from './sign-certificate';
import { subjectKeyIdentifier } from './subject-key-identifier';
import { subjectKeyIdentifierExtension } from './subject-key-identifier-extension';

/** Options for {@link issueCertificate}. */
export interface IssueCertificateOptions {
  /** The signing CA (certificate and key, PEM). */
  issuer: PemCertificate;
  /** Subject common name. */
  commonName: string;
  /** Subject organisation (optional). */
  organization?: string;
  /** `server` adds the serverAuth EKU, `client` the clientAuth EKU. */
  usage: 'server' | 'client';
  /** Subject alternative names: DNS names and IP addresses (v4 or v6), auto-detected. */
  altNames?: string[];
  /** Validity in days from now. Defaults to 825. */
  validityDays?: number;
  /** The subject's key. Defaults to `rsa-2048`. */
  keyAlgorithm?: KeyAlgorithm;
}

/** Issues an end-entity certificate (RSA-2048 or ECDSA P-256 key, SHA-256/RSA signature) signed by `issuer`. */
export function issueCertificate(options: IssueCertificateOptions): PemCertificate {
  const caCert = forge.pki.certificateFromPem(options.issuer.cert);
  const caKeyId = subjectKeyIdentifier(
    new X509Certificate(options.issuer.cert).publicKey.export({ type: 'spki', format: 'der' }),
  );
  const keyAlgorithm = options.keyAlgorithm ?? 'rsa-2048';
  const keys = generateKeyPair(keyAlgorithm);
  const cert = forge.pki.createCertificate();
  cert.serialNumber = randomSerialNumber();
  const notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(
    notBefore.getTime() + (options.validityDays ?? 825) * 24 * 60 * 60 * 1000,
  );
  const subject: forge.pki.CertificateField[] = [{ name: 'commonName', value: options.commonName }];
  if (options.organization) subject.push({ name: 'organizationName', value: options.organization });
  cert.setSubject(subject);
  cert.setIssuer(caCert.subject.attributes);

  const extensions: object[] = [
    { name: 'basicConstraints', cA: false, critical: true },
    {
      name: 'keyUsage',
      digitalSignature: true,
      // RSA key transport; an EC key only signs (RFC 5480 §3).
      keyEncipherment: keyAlgorithm === 'rsa-2048',
      critical: true,
    },
    options.usage === 'server'
      ? { name: 'extKeyUsage', serverAuth: true }
      : { name: 'extKeyUsage', clientAuth: true },
    subjectKeyIdentifierExtension(keys.subjectPublicKeyInfo),
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId.toString('binary') },
  ];
  const altNames = options.altNames ?? [];
  if (altNames.length > 0) {
    extensions.push({
      name: 'subjectAltName',
      // Type 7 = iPAddress, type 2 = dNSName (RFC 5280 GeneralName).
      altNames: altNames.map((name) =>
        isIP(name) !== 0 ? { type: 7, ip: name } : { type: 2, value: name },
      ),
    });
  }
  cert.setExtensions(extensions);
  return {
    cert: signCertificate(cert, keys.subjectPublicKeyInfo, options.issuer.key),
    key: keys.privateKeyPem,
  };
}
