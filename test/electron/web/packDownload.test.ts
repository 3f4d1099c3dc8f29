import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import { recordSnapshot } from '../../../electron/store/packSnapshots';
import { writableDb } from '../../../electron/store/workspace';
import { contentDisposition } from '../../../electron/web/server';
import { startTestBridge } from '../../helpers/bridge';
import { tempDir, tempWorkspace } from '../../helpers/tempWorkspace';

let ws: ReturnType<typeof tempWorkspace>;
let ctx: Awaited<ReturnType<typeof startTestBridge>>;
let snapshotId: number;
let pdfPath: string;
let pdfBytes: Buffer;

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: ctx.bridge.port, path: url, method: 'GET', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}
const withToken = () => ({ 'X-Caio-Token': ctx.bridge.token });

beforeAll(async () => {
  ws = tempWorkspace({ demo: true });
  ctx = await startTestBridge(ws);
  // A recorded export: real files on disk, fingerprinted the way exportPack records them.
  const dir = tempDir('caio-pack-');
  pdfPath = path.join(dir, 'AI Board Briefing FY2026-Q3.pdf');
  pdfBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(4096)]);
  fs.writeFileSync(pdfPath, pdfBytes);
  const xlsxPath = path.join(dir, 'AI Board Briefing FY2026-Q3.xlsx');
  fs.writeFileSync(xlsxPath, Buffer.from('PK not really a workbook'));
  const file = (kind: 'pdf' | 'xlsx', p: string) => {
    const data = fs.readFileSync(p);
    return {
      kind,
      path: p,
      name: path.basename(p),
      sha256: crypto.createHash('sha256').update(data).digest('hex'),
      bytes: data.length,
    };
  };
  snapshotId = recordSnapshot(writableDb(ws), {
    period: 'FY2026-Q3',
    createdAt: new Date().toISOString(),
    inputsSha256: 'a'.repeat(64),
    report: buildReport(ws.db, 'FY2026-Q3'),
    files: [file('pdf', pdfPath), file('xlsx', xlsxPath)],
  }).id;
  // The workbook is edited after the export: the bridge must not hand it over as the pack.
  fs.appendFileSync(xlsxPath, 'edited');
});
afterAll(async () => {
  await ctx.stop();
  ws.close();
});

describe('the bridge serves exported pack files for download', () => {
  it('hands over the recorded file as an attachment under its own name, byte for byte', async () => {
    const res = await get(`/download?snapshot=${snapshotId}&kind=pdf`, withToken());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="AI Board Briefing FY2026-Q3.pdf"; filename*=UTF-8''AI%20Board%20Briefing%20FY2026-Q3.pdf`,
    );
    expect(Number(res.headers['content-length'])).toBe(pdfBytes.length);
    expect(res.body.equals(pdfBytes)).toBe(true);
  });

  it('refuses without the token, and names the problem for unknown, malformed or changed files', async () => {
    expect((await get(`/download?snapshot=${snapshotId}&kind=pdf`)).status).toBe(401);
    const wrong = await get(`/download?snapshot=${snapshotId}&kind=pdf`, { 'X-Caio-Token': 'x'.repeat(43) });
    expect(wrong.status).toBe(401);

    const bad = await get(`/download?snapshot=abc&kind=pdf`, withToken());
    expect(bad.status).toBe(400);
    const path = await get(`/download?snapshot=${snapshotId}&kind=../../etc/passwd`, withToken());
    expect(path.status).toBe(400);

    const missing = await get(`/download?snapshot=${snapshotId}&kind=pptx`, withToken());
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).error.message).toBe(
      `Snapshot ${snapshotId} recorded no PPTX file.`,
    );

    const changed = await get(`/download?snapshot=${snapshotId}&kind=xlsx`, withToken());
    expect(changed.status).toBe(409);
    expect(JSON.parse(changed.body.toString()).error.message).toMatch(
      /AI Board Briefing FY2026-Q3\.xlsx at .* has changed since it was exported/,
    );

    fs.renameSync(pdfPath, `${pdfPath}.moved`);
    try {
      const gone = await get(`/download?snapshot=${snapshotId}&kind=pdf`, withToken());
      expect(gone.status).toBe(404);
      expect(JSON.parse(gone.body.toString()).error.message).toMatch(
        /is no longer at .*export the pack again/,
      );
    } finally {
      fs.renameSync(`${pdfPath}.moved`, pdfPath);
    }
  });

  it('writes a header that survives any file name', () => {
    expect(contentDisposition('Pack "Q3" — Board.pdf')).toBe(
      `attachment; filename="Pack _Q3_ _ Board.pdf"; filename*=UTF-8''Pack%20%22Q3%22%20%E2%80%94%20Board.pdf`,
    );
  });
});
