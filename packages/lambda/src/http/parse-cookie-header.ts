import { tryDecodeUriComponent } from './try-decode-uri-component';

// A cookie we cannot decode is kept as sent: it then fails its signature check like any other.
const decode = (text: string): string => tryDecodeUriComponent(text) ?? text;

/** Parses `Cookie` header values (`a=1; b=2`) into a name → value map; first one wins. */
export function parseCookieHeader(values: readonly string[]): Record<string, string> {
  const cookies = new Map<string, string>();
  for (const value of values) {
    for (const part of value.split(';')) {
      const index = part.indexOf('=');
      if (index <= 0) continue;
      const name = part.slice(0, index).trim();
      let cookieValue = part.slice(index + 1).trim();
      if (cookieValue.length >= 2 && cookieValue.startsWith('"') && cookieValue.endsWith('"')) {
        cookieValue = cookieValue.slice(1, -1);
      }
      if (name && !cookies.has(name)) cookies.set(name, decode(cookieValue));
    }
  }
  // fromEntries defines own properties, so a cookie named `__proto__` cannot touch prototypes.
  return Object.fromEntries(cookies);
}
