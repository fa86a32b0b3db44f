/** Paths and PEM contents of the local stack's development PKI (see {@link ensureDevCertificates}). */
export interface DevCertificates {
  /** The dev server CA that signs the gateways' server certificates (trust it with `curl --cacert`). */
  ca: { cert: string; key: string; path: string; keyPath: string };
  /** The HTTPS server certificate (SAN `localhost`, `127.0.0.1`, `::1`). */
  server: { cert: string; key: string; certPath: string; keyPath: string };
  /** The "Shopify Payments Platform (dev)" CA, the only CA the green gateway trusts for client certificates. */
  shopifyCa: { cert: string; key: string; path: string; keyPath: string };
  /** The client certificate (clientAuth EKU) the Shopify simulator presents to green. */
  shopifyClient: { cert: string; key: string; certPath: string; keyPath: string };
  /** Every file path, absolute. */
  paths: {
    dir: string;
    ca: string;
    caKey: string;
    serverCert: string;
    serverKey: string;
    shopifyCa: string;
    shopifyCaKey: string;
    shopifyClientCert: string;
    shopifyClientKey: string;
  };
}
