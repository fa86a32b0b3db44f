/**
 * Whether a wallet error means the user declined (closed the popup, pressed "Reject"): EIP-1193
 * style code 4001, or the wording wallets commonly use.
 */
export function isUserRejection(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (code === 4001) return true;
  const text = `${typeof name === 'string' ? name : ''} ${typeof message === 'string' ? message : ''}`;
  return /reject|denied|declined|cancel/i.test(text);
}
