import { h } from '@solpay/web';

/** The "Test" marker Shopify puts on test-mode orders, or nothing for live ones. */
export function testBadge(test: boolean | null | undefined): HTMLSpanElement | null {
  return test
    ? h('span', { class: 'badge plain test-badge', title: 'Test mode: no real funds' }, 'Test')
    : null;
}
