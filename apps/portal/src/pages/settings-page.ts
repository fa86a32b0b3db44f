import { type Child, h } from '@solpay/web';
import { checkPayoutWallet } from '../validation/check-payout-wallet';
import { badge } from '../view/badge';
import { banner } from '../view/banner';
import { card, cardSection } from '../view/card';
import { pageHeader } from '../view/page-header';
import type { Page, PageContext } from './page';

/** A Polaris "annotated section": title and description on the left, the card on the right. */
function annotated(
  id: string,
  title: Child,
  description: string,
  content: HTMLElement,
): HTMLElement {
  return h(
    'div',
    { class: 'annotated' },
    h(
      'div',
      { class: 'annotation' },
      h('h2', { id }, title),
      h('p', { class: 'subdued' }, description),
    ),
    content,
  );
}

function stepNumber(n: number, done: boolean): HTMLSpanElement {
  return h(
    'span',
    { class: done ? 'step-number done' : 'step-number', 'aria-hidden': 'true' },
    done ? '✓' : String(n),
  );
}

/**
 * Settings and onboarding: the payout wallet (checked here as base58 32 bytes, the server's
 * warning shown), terms + "Activate Solana Pay" → configure → link back to the Shopify admin,
 * and the account (shop, network, sign out).
 */
export function settingsPage(ctx: PageContext, signOut: () => void): Page {
  let returnUrl: string | undefined;
  let walletNotice: Child = null;
  let tokenNotice: Child = null;
  const element = h('div', { class: 'page narrow' });

  function render(): void {
    const { merchant, configureError } = ctx.session();
    const configured = merchant.configured;
    const hasWallet = Boolean(merchant.payoutWallet);

    // Wallet form.
    const input = h('input', {
      type: 'text',
      id: 'payout-wallet',
      name: 'payoutWallet',
      class: 'mono',
      value: merchant.payoutWallet ?? '',
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      placeholder: 'e.g. 7Xh2…k9Qp',
      'aria-describedby': 'payout-wallet-help',
    });
    const error = h('div', { class: 'error', id: 'payout-wallet-error', hidden: true });
    const save = h('button', { type: 'submit', class: 'button primary' }, 'Save payout wallet');
    const notice = h('div', { class: 'notice', 'aria-live': 'polite' }, walletNotice);
    const showError = (message: string | undefined) => {
      error.hidden = message === undefined;
      error.textContent = message ?? '';
      if (message === undefined) {
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', 'payout-wallet-help');
      } else {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'payout-wallet-help payout-wallet-error');
      }
    };
    const walletForm = h(
      'form',
      {
        novalidate: true,
        onsubmit: (event: Event) => {
          event.preventDefault();
          const checked = checkPayoutWallet(input.value);
          if (!checked.ok) {
            showError(checked.message);
            input.focus();
            return;
          }
          showError(undefined);
          save.disabled = true;
          save.textContent = 'Saving…';
          void ctx.api.saveWallet(checked.address).then(async (result) => {
            if (!result.ok) {
              if (result.reason === 'signed-out') return ctx.signedOut();
              save.disabled = false;
              save.textContent = 'Save payout wallet';
              if (result.reason === 'refused') {
                showError(result.message);
                input.focus();
              } else {
                notice.replaceChildren(
                  banner('critical', 'The payout wallet was not saved', h('p', {}, result.message)),
                );
              }
              return;
            }
            walletNotice = result.data.warning
              ? banner(
                  'warning',
                  'Payout wallet saved, but check it',
                  h('p', { id: 'wallet-warning' }, result.data.warning),
                )
              : banner('success', 'Payout wallet saved');
            await ctx.reloadSession();
            render();
            element.querySelector<HTMLElement>('#payout-wallet')?.focus();
          });
        },
      },
      cardSection(
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'payout-wallet' }, 'Payout wallet address'),
          input,
          h(
            'p',
            { class: 'help', id: 'payout-wallet-help' },
            'Payments arrive in this wallet in your settlement token. Use a wallet you control (not an exchange deposit address): refunds are paid from it too.',
          ),
          error,
        ),
        h('div', { class: 'button-row', style: 'margin-top:12px' }, save),
        notice,
      ),
    );

    // Settlement token.
    const tokens = ctx.session().settlementTokens ?? [];
    const current = merchant.settlementToken ?? 'USDC';
    const select = h(
      'select',
      { id: 'settlement-token', name: 'settlementToken', 'aria-describedby': 'token-help' },
      ...tokens.map((token) =>
        h(
          'option',
          { value: token.symbol, ...(token.symbol === current ? { selected: true } : {}) },
          `${token.symbol} (${token.currency})`,
        ),
      ),
    );
    const saveToken = h('button', { type: 'submit', class: 'button' }, 'Save token');
    const tokenNoticeBox = h('div', { class: 'notice', 'aria-live': 'polite' }, tokenNotice);
    const tokenForm = h(
      'form',
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          saveToken.disabled = true;
          saveToken.textContent = 'Saving…';
          void ctx.api.saveToken(select.value).then(async (result) => {
            if (!result.ok) {
              if (result.reason === 'signed-out') return ctx.signedOut();
              saveToken.disabled = false;
              saveToken.textContent = 'Save token';
              tokenNoticeBox.replaceChildren(
                banner('critical', 'The token was not saved', h('p', {}, result.message)),
              );
              return;
            }
            tokenNotice = result.data.warning
              ? banner(
                  'warning',
                  `Settling in ${result.data.settlementToken}, but check your wallet`,
                  h('p', { id: 'token-warning' }, result.data.warning),
                )
              : banner('success', `New payments settle in ${result.data.settlementToken}`);
            await ctx.reloadSession();
            render();
            element.querySelector<HTMLElement>('#settlement-token')?.focus();
          });
        },
      },
      cardSection(
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'settlement-token' }, 'Settlement token'),
          select,
          h(
            'p',
            { class: 'help', id: 'token-help' },
            'The stablecoin your buyers pay in. Prices in other currencies are converted at an on-chain rate locked for each payment. A change applies to new payments only.',
          ),
        ),
        h('div', { class: 'button-row', style: 'margin-top:12px' }, saveToken),
        tokenNoticeBox,
      ),
    );

    // Activation.
    const terms = h('input', {
      type: 'checkbox',
      id: 'accept-terms',
      name: 'acceptTerms',
      'aria-describedby': 'accept-terms-help',
    });
    const termsError = h('div', { class: 'error', id: 'accept-terms-error', hidden: true });
    const activate = h(
      'button',
      { type: 'submit', class: 'button primary' },
      'Activate Solana Pay',
    );
    const activationNotice = h('div', { class: 'notice', 'aria-live': 'polite' });
    const activationForm = h(
      'form',
      {
        novalidate: true,
        onsubmit: (event: Event) => {
          event.preventDefault();
          const problem = !ctx.session().merchant.payoutWallet
            ? 'Save a payout wallet first.'
            : !terms.checked
              ? 'Accept the terms of service to activate Solana Pay.'
              : undefined;
          termsError.hidden = problem === undefined;
          termsError.textContent = problem ?? '';
          if (problem) {
            terms.setAttribute('aria-invalid', 'true');
            (ctx.session().merchant.payoutWallet ? terms : input).focus();
            return;
          }
          terms.removeAttribute('aria-invalid');
          activate.disabled = true;
          activate.textContent = 'Activating…';
          void ctx.api.configure().then(async (result) => {
            if (!result.ok) {
              if (result.reason === 'signed-out') return ctx.signedOut();
              activate.disabled = false;
              activate.textContent = 'Activate Solana Pay';
              activationNotice.replaceChildren(
                banner('critical', 'Solana Pay was not activated', h('p', {}, result.message)),
              );
              return;
            }
            returnUrl = result.data.returnUrl ?? undefined;
            await ctx.reloadSession();
            render();
            element.querySelector<HTMLElement>('#page-title')?.focus();
          });
        },
      },
      cardSection(
        h(
          'p',
          {},
          'Once active, Solana Pay appears as a payment method at your checkout. Buyers pay in USDC on Solana; Solana Pay pays the network fees.',
        ),
        h(
          'div',
          { class: 'field', style: 'margin-top:12px' },
          h(
            'div',
            { class: 'checkbox' },
            terms,
            h(
              'label',
              { for: 'accept-terms' },
              'I accept the Solana Pay for Shopify terms of service',
            ),
          ),
          h(
            'p',
            { class: 'help', id: 'accept-terms-help' },
            'You receive payments directly in your payout wallet. You are responsible for it and its keys.',
          ),
          termsError,
        ),
        h('div', { class: 'button-row', style: 'margin-top:12px' }, activate),
        activationNotice,
      ),
    );

    const statusCard = card(
      { 'aria-labelledby': 'status-title' },
      cardSection(
        h(
          'div',
          { class: 'button-row' },
          h('strong', {}, 'Solana Pay'),
          badge({ label: 'Active', tone: 'success', complete: true }),
        ),
        h(
          'p',
          { class: 'subdued', style: 'margin-top:8px' },
          'Buyers can choose Solana Pay at checkout.',
        ),
      ),
    );

    const account = card(
      { 'aria-labelledby': 'account-title' },
      cardSection(
        h(
          'dl',
          { class: 'details' },
          h('dt', {}, 'Store'),
          h(
            'dd',
            {},
            merchant.displayName ? `${merchant.displayName} (${merchant.shop})` : merchant.shop,
          ),
          h('dt', {}, 'Network'),
          h('dd', {}, merchant.cluster ?? ctx.config.cluster ?? 'mainnet-beta'),
          merchant.mint
            ? [
                h('dt', {}, `${merchant.settlementToken ?? 'USDC'} mint`),
                h('dd', { class: 'mono' }, merchant.mint),
              ]
            : null,
        ),
        h(
          'div',
          { class: 'button-row', style: 'margin-top:12px' },
          h('button', { type: 'button', class: 'button', onclick: signOut }, 'Sign out'),
        ),
      ),
    );

    const banners: Child[] = [];
    if (returnUrl) {
      banners.push(
        banner(
          'success',
          'Solana Pay is active',
          h(
            'p',
            {},
            'Return to your Shopify admin to finish: Solana Pay now shows in your payment settings.',
          ),
          h(
            'div',
            { class: 'button-row' },
            h(
              'a',
              { class: 'button primary', href: returnUrl, id: 'return-to-shopify' },
              'Return to Shopify admin',
            ),
          ),
        ),
      );
    }
    if (configureError) {
      const message = typeof configureError === 'string' ? configureError : configureError.message;
      banners.push(
        banner(
          'critical',
          'Shopify did not accept the activation',
          h('p', {}, message),
          h('p', {}, 'Check your settings and try activating again.'),
        ),
      );
    }

    element.replaceChildren(
      pageHeader({
        title: configured ? 'Settings' : 'Set up Solana Pay',
        subtitle: configured
          ? 'Your payout wallet and Solana Pay status.'
          : 'Two steps: choose where payments arrive, then activate Solana Pay for your checkout.',
      }),
      h(
        'div',
        { class: 'stack' },
        banners,
        annotated(
          'wallet-title',
          configured ? 'Payout wallet' : [stepNumber(1, hasWallet), 'Payout wallet'],
          'The Solana wallet where the stablecoin from your sales arrives, and that pays refunds.',
          card({ 'aria-labelledby': 'wallet-title' }, walletForm),
        ),
        tokens.length > 1
          ? annotated(
              'token-title',
              'Settlement token',
              'Which stablecoin you are paid in.',
              card({ 'aria-labelledby': 'token-title' }, tokenForm),
            )
          : null,
        configured
          ? annotated('status-title', 'Status', 'Solana Pay at your checkout.', statusCard)
          : annotated(
              'activate-title',
              [stepNumber(2, false), 'Activate'],
              'Accept the terms and turn Solana Pay on for your store.',
              card({ 'aria-labelledby': 'activate-title' }, activationForm),
            ),
        annotated('account-title', 'Account', 'The store you are signed in as.', account),
      ),
    );
    walletNotice = null;
    tokenNotice = null;
  }

  render();
  return {
    get title() {
      return ctx.session().merchant.configured ? 'Settings' : 'Set up Solana Pay';
    },
    element,
    dispose: () => undefined,
  };
}
