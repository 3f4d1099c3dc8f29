import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { startTestBridge } from '../../helpers/bridge';
import { resolveStaticPath } from '../../../electron/static/policy';

let ws: ReturnType<typeof tempWorkspace>;
let ctx: Awaited<ReturnType<typeof startTestBridge>>;

beforeAll(async () => {
  ws = tempWorkspace({ demo: true });
  ctx = await startTestBridge(ws);
});
afterAll(async () => {
  await ctx.stop();
  ws.close();
});

/** A raw request, so tests can set Host and Origin the way an attacker's page would. */
function request(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: ctx.bridge.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, headers: Record<string, string>, body = '{}') =>
  request(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('local HTTP bridge', () => {
  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(ctx.bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(ctx.bridge.port).toBeGreaterThan(0);
  });

  it('answers API calls that carry the token', async () => {
    const r = await api('workspace.info', { 'x-caio-token': ctx.bridge.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, result: { name: 'Demo workspace' } });
  });

  it('refuses an API call without the token header, or with a wrong one (401, in the API error shape)', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { 'x-caio-token': 'wrong' },
      { 'x-caio-token': ctx.bridge.token.slice(0, -1) },
      { 'x-caio-token': '' },
    ]) {
      const r = await api('workspace.info', headers);
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: /#token=/ } });
      expect(r.body).not.toContain('Demo workspace');
    }
  });

  it('takes the token from the header only: not from a cookie, a query parameter or an Authorization header', async () => {
    const t = ctx.bridge.token;
    expect((await api('workspace.info', { cookie: `caio_session=${t}` })).status).toBe(401);
    expect((await api('workspace.info', { authorization: `Bearer ${t}` })).status).toBe(401);
    const query = await request(`/api/workspace.info?token=${t}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(query.status).toBe(401);
    // Anything but /api/… and /upload is a page file: a path that parses to another one never reaches the service.
    const json = { 'content-type': 'application/json', 'x-caio-token': 'wrong' };
    for (const p of ['//api/workspace.info', '/api', '/%61pi/workspace.info'])
      expect((await request(p, { method: 'POST', headers: json, body: '{}' })).status, p).toBe(405);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const t = { 'x-caio-token': ctx.bridge.token };
    expect((await api('workspace.info', { ...t, host: `evil.example:${ctx.bridge.port}` })).status).toBe(421);
    expect((await api('workspace.info', { ...t, host: '127.0.0.1' })).status).toBe(421);
    expect((await api('workspace.info', { ...t, origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (await api('workspace.info', { ...t, origin: `http://127.0.0.1:${ctx.bridge.port}` })).status,
    ).toBe(200);
  });

  it('serves the page without the token, with a strict CSP and no cookie; the page holds no token', async () => {
    for (const path of ['/', '/index.html', `/?token=${ctx.bridge.token}`, '/print.html?period=FY2026-Q3']) {
      const r = await request(path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['set-cookie'], path).toBeUndefined();
      expect(r.body).not.toContain(ctx.bridge.token);
    }
    expect((await request('/')).body).toContain('<div id="root">');
  });

  it('hands out the token in the URL fragment only, which no request carries', () => {
    const launch = new URL(ctx.bridge.launchUrl);
    expect(launch.hash).toBe(`#token=${ctx.bridge.token}`);
    expect(launch.search).toBe('');
    const print = new URL(ctx.bridge.pageUrl('print.html?period=FY2026-Q3'));
    expect(print.pathname).toBe('/print.html');
    expect(print.search).toBe('?period=FY2026-Q3');
    expect(print.hash).toBe(`#token=${ctx.bridge.token}`);
  });

  it('refuses path traversal', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%00',
    ]) {
      const r = await request(p);
      expect(r.status, p).toBe(400);
    }
    expect(resolveStaticPath('/srv/app', '/a/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/assets/x.js')).toBe('/srv/app/assets/x.js');
  });

  it('maps invalid payloads to 400 with the typed error', async () => {
    const r = await api('batches.undo', { 'x-caio-token': ctx.bridge.token }, '{"id":"x"}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const bad = await api('workspace.info', { 'x-caio-token': ctx.bridge.token }, '{not json');
    expect(bad.status).toBe(400);
  });

  it('accepts uploads with the token and hands back an opaque id, never a path', async () => {
    const r = await request('/upload?name=spend.csv', {
      method: 'POST',
      headers: { 'x-caio-token': ctx.bridge.token, 'content-type': 'application/octet-stream' },
      body: 'date,amount\n2026-01-01,1.00\n',
    });
    expect(r.status).toBe(200);
    const parsed = JSON.parse(r.body) as { ok: true; result: { id: string; name: string; size: number } };
    expect(parsed.result).toMatchObject({ name: 'spend.csv', size: 28 });
    expect(parsed.result.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body).not.toContain('/tmp');
    expect((await request('/upload?name=x', { method: 'POST', body: 'x' })).status).toBe(401);
    const wrong = { 'x-caio-token': 'wrong', 'content-type': 'application/octet-stream' };
    expect((await request('/upload?name=x', { method: 'POST', headers: wrong, body: 'x' })).status).toBe(401);
  });
});
