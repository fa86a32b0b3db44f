import { MisconfigurationError } from '@solpay/domain';

/** Inputs of {@link transactionRequestMetadata}. */
export interface TransactionRequestMetadataInput {
  /** Who is asking, shown by the wallet (e.g. the shop name). */
  label: string;
  /** Absolute http(s) URL of an SVG, PNG or WebP icon. */
  iconUrl: string;
}

/** The GET answer of a transaction request (spec B.2). */
export interface TransactionRequestMetadata {
  /** Who is asking. */
  label: string;
  /** Absolute URL of the icon. */
  icon: string;
}

const ICON_PATH = /\.(svg|png|webp)$/i;

/**
 * Builds the GET answer `{ label, icon }`. Wallets treat any icon other than SVG/PNG/WebP as
 * malformed, so a misconfigured icon is a bug on our side.
 *
 * @throws {MisconfigurationError} when the label is empty or the icon URL is not an absolute http(s)
 *   URL ending in `.svg`, `.png` or `.webp`.
 */
export function transactionRequestMetadata({
  label,
  iconUrl,
}: TransactionRequestMetadataInput): TransactionRequestMetadata {
  if (!label.trim()) throw new MisconfigurationError('The transaction-request label is empty');
  let icon: URL;
  try {
    icon = new URL(iconUrl);
  } catch (error) {
    throw new MisconfigurationError(`The transaction-request icon is not a URL: ${iconUrl}`, {
      cause: error,
    });
  }
  if ((icon.protocol !== 'https:' && icon.protocol !== 'http:') || !ICON_PATH.test(icon.pathname)) {
    throw new MisconfigurationError(
      `The transaction-request icon must be an http(s) SVG, PNG or WebP: ${iconUrl}`,
    );
  }
  return { label, icon: icon.toString() };
}
