import { X509Certificate } from 'node:crypto';
import type { GatewayRequest } from './gateway-request';

/** The client certificate as API Gateway puts it in `requestContext` for mutual TLS. */
export interface ClientCertInfo {
  clientCertPem: string;
  subjectDN: string;
  issuerDN: string;
  serialNumber: string;
  validity: { notBefore: string; notAfter: string };
}

/** Describes the verified client certificate of `request` like API Gateway, or null without one. */
export function clientCertInfo(request: GatewayRequest): ClientCertInfo | null {
  if (!request.clientCert) return null;
  const cert = new X509Certificate(request.clientCert.raw);
  return {
    clientCertPem: cert.toString(),
    subjectDN: cert.subject.split('\n').join(','),
    issuerDN: cert.issuer.split('\n').join(','),
    serialNumber: cert.serialNumber,
    validity: { notBefore: cert.validFrom, notAfter: cert.validTo },
  };
}
