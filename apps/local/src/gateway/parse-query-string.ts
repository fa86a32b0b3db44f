import { tryDecodeUriComponent } from '@solpay/lambda';
/** Decoded query parameters, each name with all its values in order. */
export type MultiValueQuery = Record<string, string[]>;

// An undecodable name or value goes on as sent; the handler's stack answers it 400.
const decode = (text: string): string => {
  const spaced = text.replace(/\+/g, ' ');
  return tryDecodeUriComponent(spaced) ?? text;
};

/** Parses a raw query string (no `?`) the way API Gateway does; empty string gives `{}`. */
export function parseQueryString(raw: string): MultiValueQuery {
  // No prototype: a parameter named `toString` or `__proto__` is just a name.
  const query: MultiValueQuery = Object.create(null) as MultiValueQuery;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    (query[name] ??= []).push(value);
  }
  return query;
}
