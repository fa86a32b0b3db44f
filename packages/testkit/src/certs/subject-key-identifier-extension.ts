import forge from 'node-forge';
import { subjectKeyIdentifier } from './subject-key-identifier';

/**
 * The `subjectKeyIdentifier` extension for a key given as DER `SubjectPublicKeyInfo`, with its
 * value filled in: forge derives it only from an RSA key object.
 */
export function subjectKeyIdentifierExtension(subjectPublicKeyInfo: Buffer): object {
  return {
    name: 'subjectKeyIdentifier',
    value: forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.OCTETSTRING,
      false,
      subjectKeyIdentifier(subjectPublicKeyInfo).toString('binary'),
    ),
  };
}
