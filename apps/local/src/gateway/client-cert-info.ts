import type { TLSSocket } from 'node:tls';

/** The client certificate as API Gateway puts it in `requestContext` for mutual TLS. */
export interface ClientCertInfo {
  clientCertPem: string;
  subjectDN: string;
  issuerDN: string;
  serialNumber: string;
  validity: { notBefore: string; notAfter: string };
}

// A connection's peer certificate is fixed at its handshake, and reading it (OpenSSL's decode
// into an object, then X509Certificate's parse and PEM encoding) cost about a millisecond of the
// event loop per request; keep-alive connections carry many requests.
const bySocket = new WeakMap<TLSSocket, ClientCertInfo | null>();

/**
 * Describes the verified client certificate of the connection like API Gateway, or null without
 * one; computed once per connection. Each call returns a fresh object (events are mutable).
 */
export function clientCertInfo(socket: TLSSocket): ClientCertInfo | null {
  let info = bySocket.get(socket);
  if (info === undefined) {
    info = describePeer(socket);
    bySocket.set(socket, info);
  }
  return info ? { ...info, validity: { ...info.validity } } : null;
}

function describePeer(socket: TLSSocket): ClientCertInfo | null {
  const cert = socket.getPeerX509Certificate?.();
  if (!cert) return null;
  return {
    clientCertPem: cert.toString(),
    subjectDN: cert.subject.split('\n').join(','),
    issuerDN: cert.issuer.split('\n').join(','),
    serialNumber: cert.serialNumber,
    validity: { notBefore: cert.validFrom, notAfter: cert.validTo },
  };
}
