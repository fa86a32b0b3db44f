/** Encodes bytes as standard base64 (JSON-RPC `sendTransaction` with `encoding: 'base64'`). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
