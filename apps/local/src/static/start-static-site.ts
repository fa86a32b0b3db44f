import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { extname, join, resolve, sep } from 'node:path';
import { listenServer } from '../server/listen-server';
import type { RunningServer } from '../server/running-server';
import { findRepositoryRoot } from '../stack/find-repository-root';
import { bundleWebApp, type WebAppBundle } from './bundle-web-app';
import { contentTypeFor } from './content-type';
import {
  loadWebAppSecurityHeaders,
  WEB_APP_HEADERS_POLICIES,
  type WebAppName,
  type WebAppOrigins,
} from './web-app-security-headers';

/** Options of {@link startStaticSite}. */
export interface StaticSiteOptions {
  /** Name used in logs (`checkout`, `portal`). */
  name: string;
  /** The web app folder (`apps/checkout`): serves `public/` and a bundle of `src/main.ts`. */
  appDir: string;
  /** TLS key and certificate. */
  tls: https.ServerOptions;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Served as `/config.json` (e.g. the purple origin), computed per request. */
  config?: () => Record<string, unknown>;
  /** Log (default: none). */
  log?: (line: string) => void;
  /**
   * Local-only request handlers tried first, in order (e.g. the dev wallet's `/dev/wallet*`);
   * each resolves `true` when it answered the request.
   */
  handlers?: ReadonlyArray<(req: IncomingMessage, res: ServerResponse) => Promise<boolean>>;
  /** Markup inserted before `</head>` of every served HTML page (e.g. the dev wallet script). */
  headHtml?: string;
  /**
   * The web app whose CloudFront response headers policy (serverless.yml: CSP, HSTS, framing,
   * referrer) every answer carries, with `connect-src` pointed at `config()`'s `purpleOrigin`
   * and `rpcUrl`. Default: the app called `name` (`checkout`, `portal`), none for other names;
   * `false`: none.
   */
  securityHeaders?: WebAppName | false;
  /** The serverless.yml holding the policies (default: the repository's). */
  serverlessYmlPath?: string;
}

/**
 * Serves a web app over HTTPS: files from `<appDir>/public`, `main.js` (and `main.css`) built
 * in memory from `<appDir>/src/main.ts` at startup when it exists, `/config.json` from
 * `config`, and `index.html` for client-side routes (paths without a file extension, such as
 * `/pay/<id>`). A build error is logged and `main.js` answers 500 until the next start. Every
 * answer carries the security headers CloudFront adds on AWS (see
 * {@link StaticSiteOptions.securityHeaders}).
 */
export async function startStaticSite(options: StaticSiteOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const publicDir = resolve(options.appDir, 'public');
  const policyApp = options.securityHeaders ?? (isWebAppName(options.name) ? options.name : false);
  const securityHeaders = policyApp
    ? loadWebAppSecurityHeaders(
        options.serverlessYmlPath ?? join(findRepositoryRoot(), 'serverless.yml'),
        policyApp,
      )
    : undefined;
  let bundle: WebAppBundle = new Map();
  let buildError: string | undefined;
  try {
    bundle = await bundleWebApp(options.appDir);
  } catch (error) {
    buildError = error instanceof Error ? error.message : String(error);
    log(`${options.name}: bundling src/main.ts failed:\n${buildError}`);
  }

  const server = https.createServer(
    { minVersion: 'TLSv1.2', ...options.tls },
    (req: IncomingMessage, res: ServerResponse) => {
      handleRequest(req, res).catch((error: unknown) => {
        log(`${options.name} ${req.method} ${req.url} failed: ${String(error)}`);
        if (!res.headersSent) {
          send(res, 500, 'text/plain; charset=utf-8', Buffer.from('Internal error'));
        }
      });
    },
  );

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (securityHeaders) {
      for (const [name, value] of Object.entries(securityHeaders(originsOf(options.config)))) {
        // HSTS binds a host on every port: Chrome would record it for `localhost` (the stack's
        // URLs) and force HTTPS on every other local dev server for two years.
        if (name === 'Strict-Transport-Security' && isLocalhost(req.headers.host)) continue;
        res.setHeader(name, value);
      }
    }
    for (const handler of options.handlers ?? []) if (await handler(req, res)) return;
    serve(req, res);
  }

  function readPage(file: string): Buffer {
    const body = readFileSync(file);
    if (!options.headHtml || extname(file) !== '.html') return body;
    return Buffer.from(body.toString('utf8').replace('</head>', `${options.headHtml}</head>`));
  }

  function serve(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', Buffer.from('Method not allowed'));
      return;
    }
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', Buffer.from('Bad path'));
      return;
    }
    const name = path.replace(/^\/+/, '');
    if (name === 'config.json' && options.config) {
      send(res, 200, contentTypeFor(name), Buffer.from(JSON.stringify(options.config())));
      return;
    }
    if (name === 'main.js' && buildError !== undefined) {
      send(res, 500, 'text/plain; charset=utf-8', Buffer.from(buildError));
      return;
    }
    const built = bundle.get(name);
    if (built) {
      send(res, 200, contentTypeFor(name), built);
      return;
    }
    const file = resolve(publicDir, name === '' ? 'index.html' : name);
    const inside = file === publicDir || file.startsWith(publicDir + sep);
    if (inside && isFile(file)) {
      send(res, 200, contentTypeFor(file), readPage(file));
      return;
    }
    const index = join(publicDir, 'index.html');
    if (extname(name) === '' && isFile(index)) {
      send(res, 200, contentTypeFor(index), readPage(index));
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', Buffer.from('Not found'));
  }

  return listenServer(server, {
    host: options.host ?? '127.0.0.1',
    port: options.port,
    scheme: 'https',
  });
}

function isWebAppName(name: string): name is WebAppName {
  return Object.hasOwn(WEB_APP_HEADERS_POLICIES, name);
}

function originsOf(config: StaticSiteOptions['config']): WebAppOrigins {
  const values = config?.() ?? {};
  const { purpleOrigin, rpcUrl } = values;
  if (typeof purpleOrigin !== 'string') {
    throw new Error('security headers need config().purpleOrigin (the CSP connect-src)');
  }
  return { purpleOrigin, browserRpcOrigin: typeof rpcUrl === 'string' ? rpcUrl : undefined };
}

function isLocalhost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost');
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function send(res: ServerResponse, status: number, type: string, body: Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', body.length);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(body);
}
