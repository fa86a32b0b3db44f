import { type Child, h } from '@solpay/web';
import { icon, type IconName } from './icon';

/** Inputs of {@link messageScreen}. */
export interface MessageScreenInput {
  icon: IconName;
  tone: 'success' | 'warning' | 'critical' | 'neutral';
  title: string;
  /** Paragraphs under the title. */
  body: Child[];
  /** Buttons/links at the bottom. */
  actions?: Child[];
  /** Marks the card as a live status region (for changes the buyer waits on). */
  live?: boolean;
}

/** A centred card with an icon, a heading and text: every screen except the payment form. */
export function messageScreen(input: MessageScreenInput): HTMLElement {
  return h(
    'section',
    { class: `card message ${input.tone}`, 'aria-labelledby': 'screen-title' },
    h('div', { class: 'message-icon' }, icon(input.icon, 'icon large')),
    h('h1', { id: 'screen-title', tabindex: -1 }, input.title),
    h(
      'div',
      input.live
        ? { class: 'message-body', role: 'status', 'aria-live': 'polite' }
        : { class: 'message-body' },
      ...input.body,
    ),
    input.actions?.length ? h('div', { class: 'actions' }, ...input.actions) : null,
  );
}
