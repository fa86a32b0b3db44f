import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import forge from 'node-forge';

/** PEM material for one mTLS test setup. */
export interface ThrowawayPki {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

// Present in node-forge but missing from @types/node-forge.
const pkiInternals = forge.pki as unknown as {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
};

interface KeyPair {
  publicKey: forge.pki.PublicKey;
  privateKeyPem: string;
}

function rsaKeys(): KeyPair {
  // Native key generation and signing: node-forge's pure-JS RSA is slow, more so under jest.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey), privateKeyPem: privateKey };
}

function certificate(input: {
  commonName: string;
  publicKey: forge.pki.PublicKey;
  signerPem: string;
  issuer: forge.pki.CertificateField[] | null;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = input.publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const subject = [{ name: 'commonName', value: input.commonName }];
  cert.setSubject(subject);
  cert.setIssuer(input.issuer ?? subject);
  cert.setExtensions(input.extensions);
  const oid = forge.pki.oids.sha256WithRSAEncryption as string;
  cert.siginfo.algorithmOid = oid;
  cert.signatureOid = oid;
  const tbs = forge.asn1.toDer(pkiInternals.getTBSCertificate(cert)).getBytes();
  cert.signature = sign(
    'sha256',
    Buffer.from(tbs, 'binary'),
    createPrivateKey(input.signerPem),
  ).toString('binary');
  return cert;
}

/**
 * Generates a throw-away CA, a server certificate for 127.0.0.1/localhost and a client
 * certificate (CN "Shopify Payments Platform (test)"), all signed by that CA.
 */
export function createThrowawayPki(): ThrowawayPki {
  const ca = rsaKeys();
  const caCert = certificate({
    commonName: 'Throwaway test CA',
    publicKey: ca.publicKey,
    signerPem: ca.privateKeyPem,
    issuer: null,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = (commonName: string, usage: 'server' | 'client') => {
    const keys = rsaKeys();
    const cert = certificate({
      commonName,
      publicKey: keys.publicKey,
      signerPem: ca.privateKeyPem,
      issuer: caCert.subject.attributes,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        usage === 'server'
          ? { name: 'extKeyUsage', serverAuth: true }
          : { name: 'extKeyUsage', clientAuth: true },
        ...(usage === 'server'
          ? [
              {
                name: 'subjectAltName',
                altNames: [
                  { type: 7, ip: '127.0.0.1' },
                  { type: 2, value: 'localhost' },
                ],
              },
            ]
          : []),
      ],
    });
    return { cert: forge.pki.certificateToPem(cert), key: keys.privateKeyPem };
  };
  const server = leaf('localhost', 'server');
  const client = leaf('Shopify Payments Platform (test)', 'client');
  return {
    caCert: forge.pki.certificateToPem(caCert),
    serverCert: server.cert,
    serverKey: server.key,
    clientCert: client.cert,
    clientKey: client.key,
  };
}
