import { createHash } from 'node:crypto';
import forge from 'node-forge';

// forge reads these options (else it decodes an RSA key's BIT STRING into ASN.1), but
// @types/node-forge declares only the `strict` flag.
const fromDer = forge.asn1.fromDer as unknown as (
  bytes: string,
  options: { decodeBitStrings: boolean },
) => forge.asn1.Asn1;

/**
 * The key identifier of a DER `SubjectPublicKeyInfo` by RFC 5280 §4.2.1.2 method 1: SHA-1 of the
 * `subjectPublicKey` BIT STRING's value (without its unused-bits byte), for any key type.
 */
export function subjectKeyIdentifier(subjectPublicKeyInfo: Buffer): Buffer {
  const spki = fromDer(subjectPublicKeyInfo.toString('binary'), { decodeBitStrings: false });
  const bitString = Array.isArray(spki.value) ? spki.value[1] : undefined;
  if (!bitString || typeof bitString.value !== 'string') {
    throw new Error('Not a SubjectPublicKeyInfo: no subjectPublicKey BIT STRING');
  }
  return createHash('sha1').update(Buffer.from(bitString.value, 'binary').subarray(1)).digest();
}
