/** A certificate and its private key, both PEM encoded. */
export interface PemCertificate {
  /** The X.509 certificate (PEM). */
  cert: string;
  /** The PKCS#1 RSA private key (PEM). */
  key: string;
}
