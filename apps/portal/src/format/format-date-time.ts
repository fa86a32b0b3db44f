/**
 * Formats an ISO 8601 timestamp the way the Shopify admin lists dates (`Nov 22, 2026, 3:04 PM`);
 * an unparseable value is returned unchanged, an absent one as an em dash.
 */
export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(time),
  );
}
