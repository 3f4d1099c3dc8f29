import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { Workspace, WritableWorkspace } from '../../../electron/store/workspace';
import { rejected, tempWorkspace, writeFile } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

const SPEND =
  'Date,Initiative,Amount,Category\n' +
  '2026-01-15,Support Copilot,1200.50,model_api\n' +
  '2026-01-20,Brand New Pilot,300.00,compute\n' +
  '2026-02-15,support copilot,99.99,model_api\n';

/** A workspace holding two initiatives, and the spend file naming one of them by a shorter name. */
async function setUp(): Promise<{ w: WritableWorkspace & { dir: string }; spend: string }> {
  const w = tempWorkspace();
  ws = w;
  const initiatives = writeFile(
    w.dir,
    'initiatives.csv',
    'Name\nCustomer Support Copilot\nFraud Detection Uplift\n',
  );
  await commitImport(w.db, { path: initiatives, name: 'initiatives.csv', as: 'initiatives' });
  return { w, spend: writeFile(w.dir, 'spend.csv', SPEND) };
}

const spendByInitiative = (w: Workspace) =>
  w.db
    .prepare(
      `SELECT i.name, SUM(s.amount_micro) AS micro, COUNT(*) AS lines FROM spend s
       JOIN initiatives i ON i.id = s.initiative_id GROUP BY i.name ORDER BY i.name`,
    )
    .all();
const initiativeNames = (w: Workspace) =>
  (w.db.prepare('SELECT name FROM initiatives ORDER BY name').all() as { name: string }[]).map((r) => r.name);

describe('a new initiative name close to an existing one', () => {
  it('is proposed in the preview before anything is created', async () => {
    const { w, spend } = await setUp();
    const p = await previewImport(w.db, { path: spend, name: 'spend.csv' });
    expect(p.newInitiatives.map((n) => n.name)).toEqual(['Support Copilot', 'Brand New Pilot']);
    expect(p.initiativeProposals).toEqual([
      { name: 'Support Copilot', row: 2, initiative: 'Customer Support Copilot', score: 100 },
    ]);
    expect(p.matchedInitiatives).toEqual([]);
    expect(initiativeNames(w)).toEqual(['Customer Support Copilot', 'Fraud Detection Uplift']);
  });

  it('confirmed, its rows (every spelling) are stored under the existing initiative and none is created', async () => {
    const { w, spend } = await setUp();
    const initiativeMatches = [{ name: 'Support Copilot', initiative: 'customer support copilot' }];
    const p = await previewImport(w.db, { path: spend, name: 'spend.csv', initiativeMatches });
    expect(p.newInitiatives.map((n) => n.name)).toEqual(['Brand New Pilot']);
    expect(p.initiativeProposals).toEqual([]);
    expect(p.matchedInitiatives).toEqual([
      { name: 'Support Copilot', initiative: 'Customer Support Copilot' },
    ]);

    const s = await commitImport(w.db, { path: spend, name: 'spend.csv', initiativeMatches });
    expect(s.createdInitiatives).toEqual(['Brand New Pilot']);
    expect(s.matchedInitiatives).toEqual([
      { name: 'Support Copilot', initiative: 'Customer Support Copilot' },
    ]);
    expect(s.initiativeProposals).toEqual([]);
    expect(initiativeNames(w)).toEqual([
      'Brand New Pilot',
      'Customer Support Copilot',
      'Fraud Detection Uplift',
    ]);
    expect(spendByInitiative(w)).toEqual([
      { name: 'Brand New Pilot', micro: 300_000_000, lines: 1 },
      { name: 'Customer Support Copilot', micro: 1_300_490_000, lines: 2 },
    ]);
  });

  it('declined (no match given), the import creates it and the summary still says which it resembles', async () => {
    const { w, spend } = await setUp();
    const s = await commitImport(w.db, { path: spend, name: 'spend.csv' });
    expect(s.createdInitiatives).toEqual(['Support Copilot', 'Brand New Pilot']);
    expect(s.initiativeProposals).toEqual([
      { name: 'Support Copilot', initiative: 'Customer Support Copilot', score: 100 },
    ]);
  });

  it('a match to an initiative the workspace does not have is refused, naming it, and nothing is written', async () => {
    const { w, spend } = await setUp();
    const err = await rejected(
      commitImport(w.db, {
        path: spend,
        name: 'spend.csv',
        initiativeMatches: [{ name: 'Support Copilot', initiative: 'Support Copilot Platform' }],
      }),
    );
    expect(err.problems).toEqual([
      expect.objectContaining({
        code: 'unknown-initiative',
        value: 'Support Copilot',
        message:
          '"Support Copilot" is matched to the initiative "Support Copilot Platform", which this workspace does not have',
      }),
    ]);
    expect(initiativeNames(w)).toEqual(['Customer Support Copilot', 'Fraud Detection Uplift']);
    expect(w.db.prepare('SELECT COUNT(*) AS n FROM spend').get()).toEqual({ n: 0 });
  });

  it('asked (the CLI’s mode), a close new name refuses the file naming both flags, and writes nothing', async () => {
    const { w, spend } = await setUp();
    const err = await rejected(commitImport(w.db, { path: spend, name: 'spend.csv', closeNames: 'ask' }));
    expect(err.problems).toEqual([
      expect.objectContaining({
        code: 'close-initiative-name',
        value: 'Support Copilot',
        message:
          '"Support Copilot" is not an initiative of this workspace but is close to "Customer Support Copilot": store its rows under it with --match-initiative "Support Copilot=Customer Support Copilot", or create it as new with --new-initiative "Support Copilot"',
      }),
    ]);
    expect(initiativeNames(w)).toEqual(['Customer Support Copilot', 'Fraud Detection Uplift']);
    expect(w.db.prepare('SELECT COUNT(*) AS n FROM spend').get()).toEqual({ n: 0 });
    // Confirmed as new, it is created (and the summary still says which it resembles).
    const s = await commitImport(w.db, {
      path: spend,
      name: 'spend.csv',
      closeNames: 'ask',
      newInitiatives: ['support copilot'],
    });
    expect(s.createdInitiatives).toEqual(['Support Copilot', 'Brand New Pilot']);
  });

  it('the CLI prints the proposal with its flag, and takes the flag', async () => {
    const { w, spend } = await setUp();
    const db = w.file;
    w.close();
    ws = null;
    const cli = (...args: string[]) =>
      spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['electron/cli/main.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const dry = cli('import', spend, '--db', db, '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      `proposal: "Support Copilot" looks like the existing initiative "Customer Support Copilot": --match-initiative "Support Copilot=Customer Support Copilot"`,
    );
    const refused = cli('import', spend, '--db', db, '--json');
    expect(refused.status).not.toBe(0);
    const error = (JSON.parse(refused.stdout) as { error: { problems: { code: string }[] } }).error;
    expect(error.problems.map((p) => p.code)).toEqual(['close-initiative-name']);
    const done = cli(
      'import',
      spend,
      '--db',
      db,
      '--json',
      '--match-initiative',
      'Support Copilot=Customer Support Copilot',
    );
    expect(done.status, done.stderr).toBe(0);
    const summary = JSON.parse(done.stdout) as Record<string, unknown>;
    expect(summary.createdInitiatives).toEqual(['Brand New Pilot']);
    expect(summary.matchedInitiatives).toEqual([
      { name: 'Support Copilot', initiative: 'Customer Support Copilot' },
    ]);
    const bad = cli('import', spend, '--db', db, '--match-initiative', 'Support Copilot');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--match-initiative needs NAME=INITIATIVE');
  });
});
