import { createPrivateKey, sign } from 'node:crypto';
import forge from 'node-forge';

// Present in node-forge since 0.7 but missing from @types/node-forge.
const pkiInternals = forge.pki as unknown as {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
};

/**
 * Signs a forge certificate with SHA-256/RSA using Node's native crypto and returns it as PEM.
 * forge's pure-JS RSA signing is slow (and much slower under jest's VM sandbox).
 */
export function signCertificate(cert: forge.pki.Certificate, issuerKeyPem: string): string {
  const oid = forge.pki.oids.sha256WithRSAEncryption;
  if (!oid) throw new Error('forge lacks the sha256WithRSAEncryption OID');
  cert.siginfo.algorithmOid = oid;
  cert.signatureOid = oid;
  cert.md = forge.md.sha256.create();
  const tbs = forge.asn1.toDer(pkiInternals.getTBSCertificate(cert)).getBytes();
  const signature = sign('sha256', Buffer.from(tbs, 'binary'), createPrivateKey(issuerKeyPem));
  cert.signature = signature.toString('binary');
  return forge.pki.certificateToPem(cert);
}
