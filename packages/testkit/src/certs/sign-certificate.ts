import { X509Certificate, createPrivateKey, sign } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;

// Present in node-forge since 0.7 but missing from @types/node-forge.
const pkiInternals = forge.pki as unknown as {
  certificateExtensionsToAsn1(extensions: unknown[]): forge.asn1.Asn1;
};

/**
 * Signs a certificate with SHA-256/RSA using Node's native crypto and returns it as PEM. `cert`
 * holds the fields forge encodes (serial, validity, names, extensions); the subject's key comes
 * as DER `SubjectPublicKeyInfo`, so it may be any type Node generates (forge encodes only RSA
 * keys, and its pure-JS RSA signing is slow, much slower under jest's VM sandbox). The issuer's
 * key must be RSA.
 */
export function signCertificate(
  cert: forge.pki.Certificate,
  subjectPublicKeyInfo: Buffer,
  issuerKeyPem: string,
): string {
  const issuerKey = createPrivateKey(issuerKeyPem);
  if (issuerKey.asymmetricKeyType !== 'rsa') {
    throw new Error(`Issuer keys must be RSA, not ${issuerKey.asymmetricKeyType}`);
  }
  const oid = forge.pki.oids.sha256WithRSAEncryption;
  if (!oid) throw new Error('forge lacks the sha256WithRSAEncryption OID');
  const algorithm = sequence([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
  ]);
  const tbs = sequence([
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(2).getBytes()),
    ]),
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.INTEGER,
      false,
      forge.util.hexToBytes(cert.serialNumber),
    ),
    algorithm,
    forge.pki.distinguishedNameToAsn1(cert.issuer),
    sequence([utcTime(cert.validity.notBefore), utcTime(cert.validity.notAfter)]),
    forge.pki.distinguishedNameToAsn1(cert.subject),
    asn1.fromDer(subjectPublicKeyInfo.toString('binary')),
    pkiInternals.certificateExtensionsToAsn1(cert.extensions),
  ]);
  const signature = sign('sha256', der(tbs), issuerKey);
  const signed = sequence([
    tbs,
    algorithm,
    // A BIT STRING's first byte counts the unused bits of its last byte: none.
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.BITSTRING,
      false,
      `\0${signature.toString('binary')}`,
    ),
  ]);
  return new X509Certificate(der(signed)).toString();
}

function sequence(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
}

function utcTime(date: Date): forge.asn1.Asn1 {
  // UTCTime covers 1950–2049 (RFC 5280 §4.1.2.5); dev certificates live at most ten years.
  if (date.getUTCFullYear() >= 2050) throw new Error('Validity beyond 2049 needs GeneralizedTime');
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date));
}

function der(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}
