import { toString as qrToString } from 'qrcode';

/**
 * An SVG QR code of `text` as a `data:` URL, for an `<img>` (so it gets real alt text, scales
 * crisply and prints). Error correction M, a 4-module quiet zone as scanners expect.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await qrToString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
