import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/tempWorkspace';
import { startTestBridge } from '../helpers/bridge';
import { resolveStaticPath } from '../../electron/web/policy';

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

  it('refuses a missing or wrong token', async () => {
    expect((await api('workspace.info', {})).status).toBe(403);
    expect((await api('workspace.info', { 'x-caio-token': 'wrong' })).status).toBe(403);
    expect((await api('workspace.info', { 'x-caio-token': ctx.bridge.token.slice(0, -1) })).status).toBe(403);
    expect((await request('/')).status).toBe(403);
    expect((await request('/?token=nope')).status).toBe(403);
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

  it('needs the header (not only the cookie) for API calls, so a cross-site form cannot post', async () => {
    const r = await api('workspace.info', { cookie: `caio_session=${ctx.bridge.token}` });
    expect(r.status).toBe(403);
  });

  it('serves the renderer with a strict CSP and sets the session cookie from the launch URL', async () => {
    const r = await request(`/?token=${ctx.bridge.token}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain('<div id="root">');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const asset = await request('/index.html', { headers: { cookie: `caio_session=${ctx.bridge.token}` } });
    expect(asset.status).toBe(200);
  });

  it('refuses path traversal', async () => {
    const cookie = { cookie: `caio_session=${ctx.bridge.token}` };
    for (const p of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%00',
    ]) {
      const r = await request(p, { headers: cookie });
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
    expect((await request('/upload?name=x', { method: 'POST', body: 'x' })).status).toBe(403);
  });
});
