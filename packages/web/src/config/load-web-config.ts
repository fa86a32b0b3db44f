import { webConfigSchema, type WebConfig } from './web-config';

/** Fetches and validates `/config.json`; throws with a readable message when it is unusable. */
export async function loadWebConfig(fetchFn: typeof fetch = fetch): Promise<WebConfig> {
  const response = await fetchFn('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
  const parsed = webConfigSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error('/config.json is invalid');
  return parsed.data;
}
