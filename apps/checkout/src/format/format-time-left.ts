/**
 * Human time left until `expiresAt` (`"14 minutes"`, `"1 hour 5 minutes"`, `"less than a
 * minute"`), or undefined once it has passed.
 */
export function formatTimeLeft(expiresAt: string, now: number): string | undefined {
  const ms = Date.parse(expiresAt) - now;
  if (!(ms > 0)) return undefined;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (hours === 0) return plural(minutes, 'minute');
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}
