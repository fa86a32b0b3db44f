import { qrCodeDataUrl } from './qr-code-data-url';

/**
 * Remembers the QR code of the last text asked for, for pages that re-render often: returns its
 * `data:` URL once drawn, else `undefined` (starting to draw it, then calling `onReady` so the
 * page renders again). Asking for another text forgets the previous one.
 */
export function qrCodeCache(onReady: () => void): (text: string) => string | undefined {
  let last: { text: string; url: string | undefined } | undefined;
  return (text) => {
    if (last?.text !== text) {
      const entry: { text: string; url: string | undefined } = { text, url: undefined };
      last = entry;
      qrCodeDataUrl(text).then(
        (url) => {
          entry.url = url;
          onReady();
        },
        () => undefined,
      );
    }
    return last.url;
  };
}
