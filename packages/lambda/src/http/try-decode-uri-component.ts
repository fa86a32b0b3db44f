/**
 * `decodeURIComponent` that answers `undefined` for a malformed percent-escape (`%`, `%E0%A4%A`,
 * an encoded lone surrogate) instead of throwing `URIError`. The one decoder of request paths,
 * queries and cookies: callers choose what a malformed escape means (see
 * {@link decodeRequestComponent} for "400").
 */
export function tryDecodeUriComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
