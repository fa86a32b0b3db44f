import { html, SafeHtml } from './html';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 -apple-system,BlinkMacSystemFont,"San Francisco","Segoe UI",Roboto,"Helvetica Neue",sans-serif;background:#f1f2f4;color:#303030}
a{color:#005bd3}
header.top{background:#1a1a1a;color:#e3e3e3;padding:10px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header.top strong{color:#fff;font-size:16px}
header.top a{color:#e3e3e3;text-decoration:none;font-size:14px}
header.top a:hover,header.top a:focus{color:#fff;text-decoration:underline}
main{max-width:880px;margin:0 auto;padding:20px 16px 48px}
h1{font-size:22px;margin:4px 0 16px}
h2{font-size:16px;margin:0 0 12px}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 0 rgba(26,26,26,.07),0 1px 3px rgba(26,26,26,.15);padding:16px 20px;margin-bottom:16px}
.muted{color:#616161;font-size:13px}
label{display:block;font-weight:550;margin:12px 0 4px}
label.inline{display:flex;gap:8px;align-items:center;font-weight:450}
input[type=text],input[type=email],input[type=number],select{width:100%;max-width:360px;padding:8px 10px;border:1px solid #8a8a8a;border-radius:8px;font:inherit;background:#fdfdfd}
input:focus,select:focus,button:focus,a.button:focus{outline:2px solid #005bd3;outline-offset:1px}
button,a.button{display:inline-block;border:0;border-radius:8px;padding:8px 14px;font:inherit;font-weight:650;cursor:pointer;text-decoration:none;background:#303030;color:#fff;margin-top:12px}
button.secondary,a.button.secondary{background:#fff;color:#303030;box-shadow:inset 0 0 0 1px #c9c9c9}
button.critical{background:#c70a24}
.badge{display:inline-block;border-radius:8px;padding:1px 8px;font-size:12px;font-weight:550;background:#e3e3e3}
.badge.success{background:#affebf;color:#014b40}
.badge.attention{background:#ffef9d;color:#4f4700}
.badge.critical{background:#fed1d7;color:#8e0b21}
.badge.info{background:#e0f0ff;color:#00527c}
.banner{border-radius:12px;padding:12px 16px;margin-bottom:16px}
.banner.critical{background:#fee9e8;border:1px solid #e51c00}
.banner.success{background:#cdfee1;border:1px solid #29845a}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:8px 6px;border-bottom:1px solid #ebebeb;vertical-align:top}
th{font-weight:600;color:#616161}
pre{white-space:pre-wrap;word-break:break-all;background:#f7f7f7;border-radius:8px;padding:8px;font-size:12px}
.product{display:flex;gap:16px;flex-wrap:wrap;align-items:center}
.product .image{width:120px;height:120px;border-radius:12px;background:linear-gradient(135deg,#9945ff,#14f195)}
.row{display:flex;gap:8px;flex-wrap:wrap;align-items:flex-end}
@media (max-width:520px){main{padding:12px 8px 32px}.card{padding:12px 14px}th,td{padding:6px 4px}table.stack thead{position:absolute;left:-9999px}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}table.stack tr{border-bottom:1px solid #ebebeb;padding:8px 0}table.stack td{border:0;padding:3px 0}table.stack td[data-label]::before{content:attr(data-label);display:block;font-size:12px;color:#616161;font-weight:600}}
`;

/** Where a page sits: the storefront (buyer) or the admin (merchant). */
export type PageArea = 'store' | 'admin';

/** Wraps page content in the simulator's HTML shell (Polaris-like look, phone friendly). */
export function pageLayout(input: {
  title: string;
  area: PageArea;
  shop: string;
  body: SafeHtml;
}): SafeHtml {
  const nav =
    input.area === 'admin'
      ? html`<strong>Shopify admin</strong
          ><span class="muted" style="color:#b5b5b5">${input.shop}</span>
          <nav aria-label="Admin" style="display:flex;gap:14px;flex-wrap:wrap">
            <a href="/admin?shop=${input.shop}">Home</a>
            <a href="/admin/orders?shop=${input.shop}">Orders</a>
            <a href="/admin/settings/payments?shop=${input.shop}">Payments</a>
            <a href="/?shop=${input.shop}">View store</a>
          </nav>`
      : html`<strong>${storeName(input.shop)}</strong>
          <nav aria-label="Store" style="display:flex;gap:14px">
            <a href="/?shop=${input.shop}">Shop</a>
            <a href="/admin?shop=${input.shop}">Admin</a>
          </nav>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <link rel="icon" href="${SIMULATOR_ICON}" type="image/svg+xml" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${input.title}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header class="top">${nav}</header>
        <main id="main">
          <h1>${input.title}</h1>
          ${input.body}
        </main>
      </body>
    </html>`;
}

/** The simulator's favicon (a green shopping bag), inline so it needs no route. */
const SIMULATOR_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%23008060'/%3E%3Cpath d='M10 12h12l-1 12H11z' fill='white'/%3E%3Cpath d='M13 12a3 3 0 0 1 6 0' stroke='white' stroke-width='2' fill='none'/%3E%3C/svg%3E";

/** A readable store name from its domain (`demo-shop.myshopify.com` → `Demo Shop`). */
export function storeName(shop: string): string {
  return shop
    .replace(/\.myshopify\.com$/, '')
    .split(/[-_]/)
    .map((word) => (word ? `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}` : ''))
    .join(' ');
}
