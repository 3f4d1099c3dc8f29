import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../shared/api/contract';
import type { PackSnapshot } from '../../../shared/export/packTypes';
import {
  choosePackFolderHandler,
  showInFolderHandler,
  type PackFolderChoice,
} from '../../../electron/main/packFolder';
import { IPC } from '../../../electron/main/policy';

const snapshots: PackSnapshot[] = [
  {
    id: 7,
    period: 'FY2026-Q3',
    createdAt: '2026-10-02T09:00:00.000Z',
    inputsSha256: 'b'.repeat(64),
    files: [
      { kind: 'pdf', path: '/packs/Q3.pdf', name: 'Q3.pdf', sha256: 'c'.repeat(64), bytes: 10 },
      { kind: 'xlsx', path: '/packs/Q3.xlsx', name: 'Q3.xlsx', sha256: 'd'.repeat(64), bytes: 10 },
    ],
  },
];

function showInFolder(existing: string[] = ['/packs/Q3.pdf', '/packs/Q3.xlsx']) {
  const revealed: string[] = [];
  const handler = showInFolderHandler({
    snapshots: async (): Promise<ApiResponse<PackSnapshot[]>> => ({ ok: true, result: snapshots }),
    exists: (file) => existing.includes(file),
    reveal: (file) => revealed.push(file),
  });
  return { handler, revealed };
}

describe('desktop "Show in folder" and pack folder IPC (validated in main, checked under Node)', () => {
  it('has its own channels', () => {
    expect(IPC.showInFolder).toBe('caio:show-in-folder');
    expect(IPC.choosePackFolder).toBe('caio:choose-pack-folder');
  });

  it('reveals only a file a recorded export wrote, found by snapshot and kind', async () => {
    const { handler, revealed } = showInFolder();
    expect(await handler([{ snapshot: 7, kind: 'xlsx' }])).toEqual({ ok: true, result: null });
    expect(revealed).toEqual(['/packs/Q3.xlsx']);
  });

  it('refuses a path, extra fields, wrong types and unknown files, revealing nothing', async () => {
    const { handler, revealed } = showInFolder();
    const refusals = await Promise.all([
      handler(['/etc/passwd']),
      handler([{ snapshot: 7, kind: 'pdf', path: '/etc/passwd' }]),
      handler([{ snapshot: '7', kind: 'pdf' }]),
      handler([{ snapshot: 7, kind: 'exe' }]),
      handler([{ snapshot: 7, kind: 'pdf' }, 'extra']),
      handler([]),
    ]);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await handler([{ snapshot: 7, kind: 'pptx' }])).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Snapshot 7 recorded no PPTX file.' },
    });
    expect(await handler([{ snapshot: 8, kind: 'pdf' }])).toMatchObject({ ok: false });
    expect(revealed).toEqual([]);
  });

  it('says when the file has gone since the export', async () => {
    const { handler, revealed } = showInFolder(['/packs/Q3.xlsx']);
    expect(await handler([{ snapshot: 7, kind: 'pdf' }])).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Q3.pdf is no longer at /packs/Q3.pdf: export the pack again.' },
    });
    expect(revealed).toEqual([]);
  });

  it('takes the pack folder from the dialog only; a cancelled dialog keeps the earlier choice', async () => {
    const choice: PackFolderChoice = { folder: null };
    const answers: (string | null)[] = ['/Users/cfo/Board', null];
    const handler = choosePackFolderHandler({ choice, ask: async () => answers.shift() ?? null });
    expect(await handler(['/tmp/evil'])).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(choice.folder).toBeNull();
    expect(await handler([])).toEqual({ ok: true, result: { folder: '/Users/cfo/Board' } });
    expect(await handler([])).toEqual({ ok: true, result: { folder: '/Users/cfo/Board' } });
    expect(choice.folder).toBe('/Users/cfo/Board');
  });
});
