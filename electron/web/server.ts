import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LAUNCH_FRAGMENT, TOKEN_HEADER } from '../../shared/api/transport';
import { DOWNLOAD_PATH, PackFileRef } from '../../shared/export/packFileRef';
import { recordedPackFile } from '../service/packFiles';
import { toApiError } from '../service/service';
import type { Service } from '../service/service';
import { CSP, MIME, resolveStaticPath } from '../static/policy';

export interface BridgeOptions {
  service: Service;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  maxUploadBytes?: number;
}

export interface Bridge {
  url: string;
  /** The URL to open: the app with the token in its fragment (`#token=…`), which no request carries. */
  launchUrl: string;
  /**
   * Another page of the renderer (e.g. `print.html?period=FY2026-Q3`) opened the same way. A route may
   * follow the token: `${pageUrl('')}#/pack`.
   */
  pageUrl(page: string): string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_API_BODY = 8 * 1024 * 1024;

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  extra: http.OutgoingHttpHeaders = {},
): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', extra);
}

const DOWNLOAD_TYPES: Record<PackFileRef['kind'], string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** `attachment` with the file's own name: plain ASCII for old clients, RFC 5987 UTF-8 for the rest. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * An exported pack file, by snapshot and kind (never a path), with the bytes the snapshot fingerprinted. The
 * page fetches it with the token header and saves it as a download.
 */
function sendPackFile(res: http.ServerResponse, url: URL, service: Service): void {
  const ref = PackFileRef.safeParse({
    snapshot: Number(url.searchParams.get('snapshot')),
    kind: url.searchParams.get('kind'),
  });
  if (!ref.success)
    return sendJson(res, 400, {
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'A download names a snapshot number and a kind: pdf, xlsx or pptx.',
      },
    });
  let file: ReturnType<typeof recordedPackFile>;
  try {
    file = recordedPackFile(service.ctx.ws, ref.data);
  } catch (err) {
    const error = toApiError(err).toJSON();
    return sendJson(res, error.code === 'NOT_FOUND' ? 404 : error.code === 'CONFLICT' ? 409 : 500, {
      ok: false,
      error,
    });
  }
  res.writeHead(200, {
    'Content-Type': DOWNLOAD_TYPES[file.kind],
    'Content-Length': file.data.length,
    'Content-Disposition': contentDisposition(file.name),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
  });
  res.end(file.data);
}

/** The refusal of a call without the token: in the API's error shape, so the page shows it in words. */
const UNAUTHORIZED = {
  ok: false,
  error: {
    code: 'BAD_REQUEST',
    message:
      'This page has no key for the local server (or an old one): open the address `npm run web` printed, which ends in #token=….',
  },
};

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error(`Request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The local HTTP bridge: serves the built renderer and the same API the desktop app uses, to a browser,
 * the CLI and the end-to-end tests. Bound to 127.0.0.1 only; Host and Origin must name this server, which
 * defeats DNS rebinding and cross-site requests.
 *
 * Every API call and upload must carry the per-run token in the X-Caio-Token header; nothing else counts
 * (no cookie, no query parameter). The token reaches the page in the launch URL's fragment, which the
 * browser sends to no server and no Referer; the page keeps it in memory (and in sessionStorage, which
 * is per origin, port included, for a reload) and strips it from the address bar. A cookie would not do:
 * browsers send 127.0.0.1's cookies to every port of it, so any other local server the user visits would
 * receive it. The page's own files (HTML, scripts, styles, fonts) hold no data and are served without it.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  // The page finds it in the URL fragment by its shape.
  if (!LAUNCH_FRAGMENT.test(`#token=${token}`))
    throw new Error('The bridge token must be 32+ base64url characters.');
  const maxUpload = options.maxUploadBytes ?? 1024 * 1024 * 1024;
  let port = 0;

  const allowedHost = (host: string | undefined) =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const allowedOrigin = (origin: string | undefined) =>
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        send(res, 500, `Internal error: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHost(req.headers.host)) return send(res, 421, 'Misdirected request: unknown Host');
    if (!allowedOrigin(req.headers.origin)) return send(res, 403, 'Forbidden: foreign Origin');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const needsToken =
      url.pathname.startsWith('/api/') || url.pathname === '/upload' || url.pathname === DOWNLOAD_PATH;
    if (needsToken) {
      const presented = req.headers[TOKEN_HEADER.toLowerCase()];
      if (typeof presented !== 'string' || !safeEqual(presented, token))
        return sendJson(res, 401, UNAUTHORIZED, { 'WWW-Authenticate': TOKEN_HEADER });
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST for API calls');
      const method = url.pathname.slice('/api/'.length);
      let payload: unknown;
      try {
        const body = await readBody(req, MAX_API_BODY);
        payload = body === '' ? {} : JSON.parse(body);
      } catch (err) {
        return send(
          res,
          400,
          JSON.stringify({
            ok: false,
            error: { code: 'BAD_REQUEST', message: `Unreadable request body: ${(err as Error).message}` },
          }),
          'application/json; charset=utf-8',
        );
      }
      const response = await options.service.call(method, payload);
      const status = response.ok ? 200 : response.error.code === 'INTERNAL' ? 500 : 400;
      return send(res, status, JSON.stringify(response), 'application/json; charset=utf-8');
    }

    if (url.pathname === '/upload') {
      if (req.method !== 'POST') return send(res, 405, 'Use POST to upload');
      const name = url.searchParams.get('name') ?? 'upload';
      try {
        const file = await options.service.ctx.uploads.saveStream(name, req, maxUpload);
        return send(
          res,
          200,
          JSON.stringify({ ok: true, result: { id: file.id, name: file.name, size: file.size } }),
          'application/json; charset=utf-8',
        );
      } catch (err) {
        return send(
          res,
          413,
          JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: (err as Error).message } }),
          'application/json; charset=utf-8',
        );
      }
    }

    if (url.pathname === DOWNLOAD_PATH) {
      if (req.method !== 'GET') return send(res, 405, 'Use GET to download');
      return sendPackFile(res, url, options.service);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    // The raw path, not the URL-normalised one: a request that tries `..` is refused, not silently rewritten.
    const file = resolveStaticPath(options.staticDir, (req.url ?? '/').split('?')[0]!);
    if (!file) return send(res, 400, 'Bad path');
    const target =
      fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(options.staticDir, 'index.html');
    if (!fs.existsSync(target))
      return send(res, 503, 'The renderer is not built: run `npm run build:renderer`.');
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': MIME[path.extname(target)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CSP,
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    // One read and one write: the renderer's files are small (the largest script ~0.4 MB), and a
    // stream's 64 KB steps each waited for a turn of an event loop that also answers the API.
    const body = fs.readFileSync(target);
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const pageUrl = (page: string) => `${url}${page.replace(/^\//, '')}#token=${token}`;
  return {
    url,
    launchUrl: pageUrl(''),
    pageUrl,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
