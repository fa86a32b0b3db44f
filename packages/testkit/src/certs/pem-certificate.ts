/** A certificate and its private key, both PEM encoded. */
export interface PemCertificate {
  /** The X.509 certificate (PEM). */
  cert: string;
  /** The private key (PEM: PKCS#1 for RSA, PKCS#8 for ECDSA). */
  key: string;
}
