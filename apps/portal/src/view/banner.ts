import { type Child, h } from '@solpay/web';
import { icon } from './icon';

/** Tone of a {@link banner}. */
export type BannerTone = 'info' | 'success' | 'warning' | 'critical';

/**
 * A Polaris-style banner. Critical and warning banners are `role="alert"` (announced at once);
 * the others `role="status"`.
 */
export function banner(
  tone: BannerTone,
  title: string | undefined,
  ...body: Child[]
): HTMLDivElement {
  const iconName = tone === 'success' ? 'success' : tone;
  return h(
    'div',
    {
      class: `banner ${tone}`,
      role: tone === 'critical' || tone === 'warning' ? 'alert' : 'status',
    },
    icon(iconName, 'banner-icon'),
    h('div', { class: 'banner-body' }, title ? h('h2', {}, title) : null, ...body),
  );
}
