import { html, type SafeHtml } from './html';
import { pageLayout, storeName } from './page-layout';

/** The OAuth grant screen: "Install <app> on <shop>?" with the requested scopes. */
export function grantPage(input: {
  appName: string;
  shop: string;
  shops: string[];
  clientId: string;
  scope: string;
  redirectUri: string;
  state: string;
}): SafeHtml {
  const scopes = input.scope.split(',').filter((s) => s.length > 0);
  return pageLayout({
    title: `Install ${input.appName} on ${storeName(input.shop)}?`,
    area: 'admin',
    shop: input.shop,
    body: html` <section class="card">
      <form method="post" action="/admin/oauth/authorize">
        <input type="hidden" name="client_id" value="${input.clientId}" />
        <input type="hidden" name="scope" value="${input.scope}" />
        <input type="hidden" name="redirect_uri" value="${input.redirectUri}" />
        <input type="hidden" name="state" value="${input.state}" />
        ${
          input.shops.length > 1
            ? html`<label for="shop">Store</label
                ><select id="shop" name="shop">
                  ${input.shops.map(
                    (s) =>
                      html`<option value="${s}" ${s === input.shop ? html` selected` : null}>
                        ${s}
                      </option>`,
                  )}
                </select>`
            : html`<input type="hidden" name="shop" value="${input.shop}" />`
        }
        <p>${input.appName} will be able to:</p>
        <ul>
          ${scopes.length ? scopes.map((s) => html`<li>${s}</li>`) : html`<li>No data access</li>`}
        </ul>
        <p class="muted">You will be redirected to ${input.redirectUri}</p>
        <button type="submit">Install</button>
        <a class="button secondary" href="/admin?shop=${input.shop}">Cancel</a>
      </form>
    </section>`,
  });
}
