import type { PageCursor } from '@solpay/domain';
import { InvalidInputError } from '@solpay/domain';

/** Encodes a page position as an opaque URL-safe cursor. */
export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString(
    'base64url',
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes {@link encodePageCursor}'s output; a tampered or malformed cursor is a 400. */
export function decodePageCursor(text: string): PageCursor {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  const [iso, id] = decoded.split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new InvalidInputError('cursor is not valid', { details: { path: 'cursor' } });
  }
  return { createdAt, id };
}
