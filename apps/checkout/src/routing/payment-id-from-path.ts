/** The payment id of a `/pay/<paymentId>` path, or undefined for any other path. */
export function paymentIdFromPath(pathname: string): string | undefined {
  const match = /^\/pay\/([A-Za-z0-9_-]{1,128})\/?$/.exec(pathname);
  return match?.[1];
}
