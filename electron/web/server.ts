import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Service } from '../service/service';
import { CSP, MIME, resolveStaticPath } from './policy';

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
  /** The URL to open: carries the token once; the page keeps it for its API calls. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_API_BODY = 8 * 1024 * 1024;
const COOKIE = 'caio_session';

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function cookieToken(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE && v) return v;
  }
  return null;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

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
 * the CLI and the end-to-end tests. Bound to 127.0.0.1 only; every request must carry the per-run token
 * (header for API calls, a same-site cookie set from the launch URL for page assets); Host and Origin
 * must name this server, which defeats DNS rebinding and cross-site requests.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
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
    const headerToken = req.headers['x-caio-token'];
    const presented =
      (typeof headerToken === 'string' ? headerToken : null) ??
      url.searchParams.get('token') ??
      cookieToken(req);
    if (!presented || !safeEqual(presented, token))
      return send(res, 403, 'Forbidden: missing or wrong token');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST for API calls');
      if (typeof headerToken !== 'string')
        return send(res, 403, 'Forbidden: API calls need the X-Caio-Token header');
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
      if (typeof headerToken !== 'string')
        return send(res, 403, 'Forbidden: uploads need the X-Caio-Token header');
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
    if (url.searchParams.get('token')) {
      headers['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
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
  return {
    url,
    launchUrl: `${url}?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
