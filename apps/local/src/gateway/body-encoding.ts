const TEXT_TYPES = [
  /^text\//,
  /[/+]json\b/,
  /[/+]xml\b/,
  /^application\/(x-)?javascript\b/,
  /^application\/(x-)?yaml\b/,
  /^application\/x-www-form-urlencoded\b/,
  /^application\/graphql\b/,
];

/**
 * Whether a body with this Content-Type is passed to Lambda as UTF-8 text (else base64 with
 * `isBase64Encoded: true`, as API Gateway does for binary media). A missing type counts as text.
 */
export function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true;
  const type = contentType.toLowerCase().trim();
  return TEXT_TYPES.some((pattern) => pattern.test(type));
}

/** Encodes a request body for an API Gateway event: UTF-8 for text types, base64 otherwise. */
export function encodeEventBody(
  body: Buffer,
  contentType: string | undefined,
): { body: string; isBase64Encoded: boolean } {
  if (isTextContentType(contentType)) {
    const text = body.toString('utf8');
    // Bytes that are not valid UTF-8 would be mangled as text: send them base64 instead.
    if (Buffer.from(text, 'utf8').equals(body)) return { body: text, isBase64Encoded: false };
  }
  return { body: body.toString('base64'), isBase64Encoded: true };
}
