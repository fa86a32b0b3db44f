import { h } from '@solpay/web';
import { banner } from './banner';
import { icon } from './icon';

/** Longest reason the API accepts. */
export const MAX_REJECT_REASON = 500;

/** Options of {@link openRejectDialog}. */
export interface RejectDialogOptions {
  /** E.g. "12.50 USDC ($12.50)". */
  amountLabel: string;
  /**
   * Runs the reject; resolve `undefined` when done (the dialog closes) or an error message to
   * show in the dialog.
   */
  onConfirm: (reason: string) => Promise<string | undefined>;
}

/**
 * A modal confirm dialog (native `<dialog>`: focus is trapped, Escape cancels) asking for the
 * required reason and explaining that rejecting is final. Focus returns to the element that
 * opened it.
 */
export function openRejectDialog(options: RejectDialogOptions): void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const reason = h('textarea', {
    id: 'reject-reason',
    name: 'reason',
    required: true,
    maxlength: MAX_REJECT_REASON,
    'aria-describedby': 'reject-reason-help',
    autocomplete: 'off',
  });
  const error = h('div', { class: 'error', id: 'reject-reason-error', hidden: true });
  const failure = h('div', {});
  const cancel = h('button', { type: 'button', class: 'button' }, 'Cancel');
  const confirm = h('button', { type: 'submit', class: 'button critical' }, 'Reject refund');
  const close = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': 'Close' },
    icon('close'),
  );

  const form = h(
    'form',
    { method: 'dialog', novalidate: true },
    h('header', {}, h('h2', { id: 'reject-title' }, 'Reject this refund?'), close),
    h(
      'div',
      { class: 'dialog-body' },
      h(
        'p',
        { id: 'reject-description' },
        `The buyer will not receive ${options.amountLabel}. Rejecting is final: Solana Pay first makes the refund unpayable on the Solana network, then tells Shopify the refund failed. You cannot pay it from the portal afterwards.`,
      ),
      h(
        'p',
        { class: 'subdued' },
        'If a payment for this refund has already landed, it is recorded as paid instead.',
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'reject-reason' }, 'Reason (required)'),
        reason,
        h(
          'p',
          { class: 'help', id: 'reject-reason-help' },
          'Shopify shows this reason to your staff on the order.',
        ),
        error,
      ),
      failure,
    ),
    h('footer', {}, cancel, confirm),
  );
  const dialog = h(
    'dialog',
    {
      class: 'modal',
      'aria-labelledby': 'reject-title',
      'aria-describedby': 'reject-description',
    },
    form,
  );

  let busy = false;
  const dismiss = () => {
    if (busy) return;
    dialog.close();
  };
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
  });
  dialog.addEventListener('cancel', (event) => {
    if (busy) event.preventDefault();
  });
  cancel.addEventListener('click', dismiss);
  close.addEventListener('click', dismiss);

  const showError = (message: string | undefined) => {
    error.hidden = message === undefined;
    error.textContent = message ?? '';
    if (message === undefined) {
      reason.removeAttribute('aria-invalid');
      reason.setAttribute('aria-describedby', 'reject-reason-help');
    } else {
      reason.setAttribute('aria-invalid', 'true');
      reason.setAttribute('aria-describedby', 'reject-reason-help reject-reason-error');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const text = reason.value.trim();
    if (text === '') {
      showError('Enter a reason for rejecting this refund.');
      reason.focus();
      return;
    }
    if (text.length > MAX_REJECT_REASON) {
      showError(`Use at most ${MAX_REJECT_REASON} characters.`);
      reason.focus();
      return;
    }
    showError(undefined);
    busy = true;
    confirm.disabled = true;
    cancel.disabled = true;
    confirm.textContent = 'Rejecting…';
    failure.replaceChildren();
    options.onConfirm(text).then(
      (message) => {
        busy = false;
        if (message === undefined) {
          dialog.close();
          return;
        }
        confirm.disabled = false;
        cancel.disabled = false;
        confirm.textContent = 'Reject refund';
        failure.replaceChildren(
          banner('critical', 'The refund was not rejected', h('p', {}, message)),
        );
      },
      () => {
        busy = false;
        dialog.close();
      },
    );
  });

  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}
