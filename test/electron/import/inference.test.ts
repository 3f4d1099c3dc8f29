import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { commitImport, previewImport } from '../../../electron/import/run';
import { openSource, readHeader } from '../../../electron/import/source';
import { openWorkspace, type WritableWorkspace } from '../../../electron/store/workspace';
import type { Cell } from '../../../shared/import/cells';
import { FileEvidence, INFERENCE_ROWS } from '../../../shared/import/columnRoles';
import { headerWords } from '../../../shared/import/vocabulary';
import { rejected, tempWorkspace, writeFile } from './helpers';

let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

function open(init: { currency?: string } = {}): WritableWorkspace & { dir: string } {
  ws = tempWorkspace(init);
  return ws;
}

/** Everything an import could have written. */
function counts(w: WritableWorkspace): Record<string, number> {
  const n = (table: string) => w.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    batches: n('import_batches'),
    spend: n('spend'),
    benefits: n('benefits'),
    initiatives: n('initiatives'),
    mappings: n('saved_mappings'),
  };
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

describe('header words', () => {
  it.each([
    ['Betrag (EUR)', ['betrag'], 'EUR', null],
    ['PreTaxCost (PreTaxCost)', ['pre', 'tax', 'cost'], null, '(PreTaxCost)'],
    ['costInBillingCurrency', ['cost', 'in', 'billing', 'currency'], null, null],
    ['usageDateUTC', ['usage', 'date', 'utc'], null, null],
    ['cost_usd', ['cost'], 'USD', null],
    ['AmountEUR', ['amount'], 'EUR', null],
    ['Kosten in €', ['kosten'], 'EUR', null],
    ['  Catégorie  de   dépense ', ['categorie', 'de', 'depense'], null, null],
    ['lineItem/UnblendedCost', ['line', 'item', 'unblended', 'cost'], null, null],
    ['Währung', ['wahrung'], null, null],
    ['Total (All)', ['total', 'all'], null, null],
  ])('%j → %j, currency %s', (header, tokens, currency, repeated) => {
    const w = headerWords(header);
    expect(w.tokens).toEqual(tokens);
    expect(w.currency).toBe(currency);
    expect(w.repeated).toBe(repeated);
  });
});

describe('column roles from headers and content', () => {
  it('a German expense CSV with decimal commas: every column placed, with the evidence, in EUR', async () => {
    const w = open({ currency: 'EUR' });
    const file = writeFile(
      w.dir,
      'buchungen.csv',
      'Buchungsdatum;Betrag (EUR);Lieferant;Kostenstelle;Projekt\n' +
        '03.01.2026;1.234,56;Acme GmbH;4711;Copilot\n' +
        '15.01.2026;99,90;Contoso AG;4712;Suche\n' +
        '20.01.2026;(10,00);Contoso AG;4712;Suche\n' +
        '31.01.2026;0,05;Fabrikam;4711;\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'buchungen.csv' });
    expect(p.kind).toBe('spend');
    expect(p.kindUndecided).toBe(false);
    expect(p.mapping?.columns).toEqual({
      date: 'Buchungsdatum',
      amount: 'Betrag (EUR)',
      vendor: 'Lieferant',
      costCenter: 'Kostenstelle',
      initiative: 'Projekt',
    });
    expect(p.mapping?.currency).toBe('EUR');
    expect(p.evidence.amount).toEqual([
      'header "Betrag (EUR)" is German "betrag": the amount; "(EUR)" names the currency EUR',
      '4/4 values are amounts with decimal comma, thousands separators, negatives in parentheses',
    ]);
    expect(p.evidence.date!.join(' ')).toMatch(/German "buchungsdatum".*4\/4 values are dates, day-first/);
    expect(p.evidence.vendor!.join(' ')).toMatch(/German "lieferant"/);
    expect(p.evidence.currency!.join(' ')).toMatch(/names EUR/);
    expect(p.canCommit).toBe(true);
    expect(p.totals).toEqual([{ currency: 'EUR', micro: '1324510000', cents: '1324.51' }]);
    const s = await commitImport(w.db, { path: file, name: 'buchungen.csv' });
    expect(s).toMatchObject({ kind: 'spend', rows: 4, total: 1324.51, currency: 'EUR' });
    expect(s.evidence.amount![1]).toMatch(/decimal comma/);
    expect(w.db.prepare('SELECT amount_micro FROM spend ORDER BY source_row').pluck().all()).toEqual([
      1_234_560_000, 99_900_000, -10_000_000, 50_000,
    ]);
  });

  it('"Betrag (EUR)" in a USD workspace is never stored as USD: refused until an EUR rate exists', async () => {
    const w = open({ currency: 'USD' });
    const file = writeFile(w.dir, 'eur.csv', 'Buchungsdatum;Betrag (EUR)\n03.01.2026;12,50\n');
    const before = counts(w);
    const err = await rejected(commitImport(w.db, { path: file, name: 'eur.csv' }));
    expect(err.message).toMatch(/no EUR rate for 2026-01: add it in Settings › Exchange rates/);
    expect(err.problems.map((p) => p.code)).toEqual(['missing-fx-rate']);
    expect(counts(w)).toEqual(before);
  });

  it.each([
    [
      'French',
      'date;montant;fournisseur;centre de coûts;projet;catégorie\n05/01/2026;1 234,56;Acme SA;CC1;Chatbot;compute\n13/01/2026;10,00;Acme SA;CC1;Chatbot;compute\n',
    ],
    [
      'Spanish',
      'fecha;importe;proveedor;centro de coste;proyecto;categoría\n05/01/2026;1.234,56;Acme SA;CC1;Chatbot;compute\n13/01/2026;10,00;Acme SA;CC1;Chatbot;compute\n',
    ],
    [
      'Italian',
      'data;importo;fornitore;centro di costo;progetto;categoria\n05/01/2026;1.234,56;Acme SpA;CC1;Chatbot;compute\n13/01/2026;10,00;Acme SpA;CC1;Chatbot;compute\n',
    ],
    [
      'Dutch',
      'datum;bedrag;leverancier;kostenplaats;project;categorie\n05-01-2026;1.234,56;Acme BV;CC1;Chatbot;compute\n13-01-2026;10,00;Acme BV;CC1;Chatbot;compute\n',
    ],
    [
      'Portuguese',
      'data;valor;fornecedor;centro de custo;projeto;categoria\n05/01/2026;1.234,56;Acme Lda;CC1;Chatbot;compute\n13/01/2026;10,00;Acme Lda;CC1;Chatbot;compute\n',
    ],
  ])('%s headers map to the same fields, named in the evidence', async (language, content) => {
    const w = open();
    const file = writeFile(w.dir, `${language}.csv`, content);
    const p = await previewImport(w.db, { path: file, name: `${language}.csv` });
    const headers = content.split('\n')[0]!.split(';');
    expect(p.kind).toBe('spend');
    expect(p.mapping?.columns).toEqual({
      date: headers[0],
      amount: headers[1],
      vendor: headers[2],
      costCenter: headers[3],
      initiative: headers[4],
      category: headers[5],
    });
    expect(p.evidence.amount![0]).toContain(language);
    expect(p.evidence.amount![1]).toMatch(/2\/2 values are amounts with decimal comma/);
    expect(p.totals).toEqual([{ currency: 'USD', micro: '1244560000', cents: '1244.56' }]);
    expect(p.dateRange).toEqual({ from: '2026-01-05', to: '2026-01-13' });
    expect(p.canCommit).toBe(true);
  });

  it('camelCase headers, "PreTaxCost (PreTaxCost)" and a bare currency code at a header’s end', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'azure-legacy.csv',
      'usageDate,PreTaxCost (PreTaxCost),meterCategory,resourceGroup\n2026-02-01,1.25,Azure OpenAI,rg-bot\n2026-02-02,2.50,Azure OpenAI,rg-bot\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'azure-legacy.csv' });
    expect(p.mapping?.columns).toMatchObject({ date: 'usageDate', amount: 'PreTaxCost (PreTaxCost)' });
    expect(p.evidence.date![0]).toBe('header "usageDate" is English "usage date": the date');
    expect(p.evidence.amount![0]).toBe(
      'header "PreTaxCost (PreTaxCost)" is English "pre tax cost": the amount; "(PreTaxCost)" repeats the name',
    );
    expect(p.totals).toEqual([{ currency: 'USD', micro: '3750000', cents: '3.75' }]);

    const gbp = writeFile(w.dir, 'gbp.csv', 'transactionDate,netAmount_GBP\n2026-02-01,10.00\n');
    const q = await previewImport(w.db, { path: gbp, name: 'gbp.csv' });
    expect(q.mapping).toMatchObject({
      columns: { date: 'transactionDate', amount: 'netAmount_GBP' },
      currency: 'GBP',
    });
  });

  it('a column named "Col3" whose values are all dates becomes the date, and says why', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'odd.csv',
      'Col1,Col2,Col3,Amount\nalpha,1,2026-01-05,10.00\nbeta,2,2026-01-09,12.00\ngamma,3,2026-01-20,1.50\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'odd.csv' });
    expect(p.kind).toBe('spend');
    expect(p.mapping?.columns).toEqual({ date: 'Col3', amount: 'Amount' });
    expect(p.evidence.date).toEqual([
      'header "Col3" names no field: the values decide',
      '3/3 values are dates (e.g. "2026-01-05", "2026-01-09", "2026-01-20")',
    ]);
    expect(p.totals[0]!.cents).toBe('23.50');
  });

  it('misspelt headers are matched by the fuzzy fallback above its threshold, and say so', async () => {
    const w = open();
    const file = writeFile(w.dir, 'typos.csv', 'Date,Ammount,Vendr\n2026-01-05,10.00,Acme\n');
    const p = await previewImport(w.db, { path: file, name: 'typos.csv' });
    expect(p.mapping?.columns).toEqual({ date: 'Date', amount: 'Ammount', vendor: 'Vendr' });
    expect(p.evidence.amount![0]).toBe(
      'header "Ammount" is close to English "amount" (92% alike): the amount',
    );
  });

  it('an initiative register: "approved_date" is the formal approval date', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'register.csv',
      'Name,Owner,Stage,Risk tier,approved_date,go_live_date\nClaims triage,Ann,pilot,3,2026-01-05,\nSearch,Bo,production,2,2025-06-01,2025-11-01\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'register.csv' });
    expect(p.kind).toBe('initiatives');
    expect(p.mapping?.columns).toEqual({
      name: 'Name',
      owner: 'Owner',
      stage: 'Stage',
      riskTier: 'Risk tier',
      approvalDate: 'approved_date',
      productionDate: 'go_live_date',
    });
    expect(p.evidence.approvalDate![0]).toBe(
      'header "approved_date" is English "approved date": the formal approval date',
    );
  });

  it('reads a workbook’s number and date cells as content (an unnamed date column, numbers as amounts)', async () => {
    const w = open();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Costs');
    sheet.addRow(['Booked', 'Net', 'Supplier']);
    sheet.addRow([new Date(Date.UTC(2026, 0, 5)), 1234.5, 'Acme']);
    sheet.addRow([new Date(Date.UTC(2026, 0, 9)), 20, 'Acme']);
    const file = path.join(w.dir, 'costs.xlsx');
    await wb.xlsx.writeFile(file);
    const p = await previewImport(w.db, { path: file, name: 'costs.xlsx' });
    expect(p.mapping?.columns).toEqual({ date: 'Booked', amount: 'Net', vendor: 'Supplier' });
    expect(p.evidence.date).toEqual([
      'header "Booked" names no field: the values decide',
      // Date cells reach the importer as ISO text.
      '2/2 values are dates (e.g. "2026-01-05T00:00:00.000Z", "2026-01-09T00:00:00.000Z")',
    ]);
    expect(p.evidence.amount).toEqual([
      'header "Net" is English "net": the amount',
      '2/2 values are amounts',
    ]);
    expect(p.totals[0]!.cents).toBe('1254.50');
  });
});

describe('the kind is never guessed silently', () => {
  it('an expenses export with a "Project" column is spend, not benefits', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'expenses.csv',
      'Expense Date,Project,Amount,Merchant,Category\n2026-01-05,Copilot,12.50,Uber,other\n2026-01-06,Copilot,240.00,Hotel Adlon,other\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'expenses.csv' });
    expect(p.kind).toBe('spend');
    expect(p.kindCandidates.map((k) => k.kind)).not.toContain('benefits');
    expect(p.kindCandidates[0]!.evidence.join(' ')).toMatch(/"Expense Date" \(English "expense"\)/);
    const s = await commitImport(w.db, { path: file, name: 'expenses.csv' });
    expect(s).toMatchObject({ kind: 'spend', rows: 2, total: 252.5 });
    expect(counts(w)).toMatchObject({ spend: 2, benefits: 0 });
  });

  it('a German invoice list ("Rechnung") is spend', async () => {
    const w = open({ currency: 'EUR' });
    const file = writeFile(
      w.dir,
      'rechnungen.csv',
      'Rechnungsdatum;Rechnungsbetrag;Projekt\n02.02.2026;500,00;Copilot\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'rechnungen.csv' });
    expect(p.kind).toBe('spend');
    expect(p.kindCandidates[0]!.evidence.join(' ')).toMatch(
      /spend words in the headers: "Rechnungsdatum" \(German "rechnung"\), "Rechnungsbetrag"/,
    );
  });

  it('a benefits file with "Realised saving" is benefits', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'savings.csv',
      'Month,Initiative,Realised saving\n2026-01,Copilot,"1,250.00"\n2026-02,Copilot,900.00\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'savings.csv' });
    expect(p.kind).toBe('benefits');
    expect(p.mapping?.columns).toEqual({
      date: 'Month',
      initiative: 'Initiative',
      amount: 'Realised saving',
    });
    expect(p.kindCandidates[0]!.evidence.join(' ')).toMatch(
      /benefit words in the headers: "Realised saving"/,
    );
    const s = await commitImport(w.db, { path: file, name: 'savings.csv' });
    expect(s).toMatchObject({ kind: 'benefits', rows: 2, total: 2150 });
    expect(w.db.prepare('SELECT date, amount_micro FROM benefits ORDER BY date').all()).toEqual([
      { date: '2026-01-01', amount_micro: 1_250_000_000 },
      { date: '2026-02-01', amount_micro: 900_000_000 },
    ]);
  });

  it('a benefits file whose only benefit word is its "Realized" column is benefits, not spend', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'realized.csv',
      'Date,Initiative,Amount,Type,Realized\n2026-01-15,Copilot,5000,cost_savings,yes\n2026-02-15,Search,1200.5,revenue,no\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'realized.csv' });
    expect(p.kind).toBe('benefits');
    expect(p.mapping?.columns).toEqual({
      date: 'Date',
      initiative: 'Initiative',
      amount: 'Amount',
      type: 'Type',
      realized: 'Realized',
    });
    expect(p.evidence.type![1]).toBe('2/2 values are benefit types (e.g. "cost_savings", "revenue")');
    const s = await commitImport(w.db, { path: file, name: 'realized.csv' });
    expect(s).toMatchObject({ kind: 'benefits', rows: 2, total: 6200.5 });
    expect(w.db.prepare('SELECT type, realized FROM benefits ORDER BY date').all()).toEqual([
      { type: 'cost_savings', realized: 1 },
      { type: 'revenue', realized: 0 },
    ]);
  });

  it('a close tie between kinds: the CLI refuses with the candidates and --as, writes nothing; --as decides', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'tie.csv',
      'Date,Initiative,Cost,Benefit\n2026-01-05,Copilot,10.00,20.00\n2026-02-05,Search,11.00,25.00\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'tie.csv' });
    expect(p.kindUndecided).toBe(true);
    expect(p.mapping).toBeNull();
    expect(p.kindCandidates.map((k) => k.kind).sort()).toEqual(['benefits', 'spend']);
    expect(p.canCommit).toBe(false);
    const db = w.file;
    const before = counts(w);
    w.close();
    ws = null;
    const r = await cli(['import', file, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /fit spend and benefits about equally well|fit benefits and spend about equally well/,
    );
    expect(r.err).toMatch(/choose the kind \(CLI: --as (spend|benefits) or --as (spend|benefits)\)/);
    expect(r.err).toContain('amount ← "Cost"');
    expect(r.err).toContain('benefit ← "Benefit"');
    const dry = await cli(['import', file, '--db', db, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/choose the kind: --as \w+ or --as \w+/);
    const reopened = openWorkspace(db);
    expect(counts(reopened)).toEqual(before);
    reopened.close();
    const chosen = await cli(['import', file, '--db', db, '--as', 'benefits', '--json']);
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.out)).toMatchObject({ kind: 'benefits', rows: 2, total: 45 });
  });
});

describe('two close candidates for a field', () => {
  const CONTENT =
    'Date,Amount (EUR),Amount (USD),Vendor\n2026-01-05,10.00,11.00,Acme\n2026-01-06,12.00,13.20,Acme\n';

  it('CLI: refused naming both columns and --column; --column chooses; the choice is remembered', async () => {
    const w = open();
    const file = writeFile(w.dir, 'two.csv', CONTENT);
    const p = await previewImport(w.db, { path: file, name: 'two.csv' });
    expect(p.columnChoices).toEqual([
      {
        field: 'amount',
        label: 'Amount',
        required: true,
        candidates: [
          {
            column: 'Amount (EUR)',
            score: 1,
            evidence: [
              'header "Amount (EUR)" is English "amount": the amount; "(EUR)" names the currency EUR',
              '2/2 values are amounts with decimal point',
            ],
          },
          {
            column: 'Amount (USD)',
            score: 1,
            evidence: [
              'header "Amount (USD)" is English "amount": the amount; "(USD)" names the currency USD',
              '2/2 values are amounts with decimal point',
            ],
          },
        ],
      },
    ]);
    expect(p.mapping?.columns.amount).toBeUndefined();
    expect(p.canCommit).toBe(false);
    const db = w.file;
    w.close();
    ws = null;

    const refused = await cli(['import', file, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('two columns could be the amount');
    expect(refused.err).toContain('--column amount="Amount (EUR)" or --column amount="Amount (USD)"');
    const dry = await cli(['import', file, '--db', db, '--dry-run', '--json']);
    expect(dry.code).toBe(1);
    expect(
      JSON.parse(dry.out).error.columnChoices[0].candidates.map((c: { column: string }) => c.column),
    ).toEqual(['Amount (EUR)', 'Amount (USD)']);
    expect((await cli(['batches', '--db', db, '--json'])).out.trim()).toBe('[]');

    const bad = await cli(['import', file, '--db', db, '--column', 'amount']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--column needs FIELD=COLUMN/);
    const missing = await cli(['import', file, '--db', db, '--column', 'amount=Betrag']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no column "Betrag" for amount/);

    const chosen = await cli(['import', file, '--db', db, '--column', 'amount=Amount (USD)', '--json']);
    expect(chosen.code).toBe(0);
    const summary = JSON.parse(chosen.out);
    expect(summary).toMatchObject({ kind: 'spend', rows: 2, total: 24.2, currency: 'USD' });
    expect(summary.evidence.amount[0]).toBe('chosen by you');
    expect(summary.evidence.currency[0]).toMatch(/"Amount \(USD\)" names USD/);

    // Next quarter's file of the same layout: the saved mapping wins over inference, no question asked.
    const next = writeFile(path.dirname(file), 'two-q2.csv', CONTENT.replace(/2026-01/g, '2026-04'));
    const again = await cli(['import', next, '--db', db, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ rows: 2, total: 24.2 });
  });

  it('a built-in vendor format wins over inference (its columns, not the vocabulary’s)', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'anthropic.csv',
      'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,cost_type,inference_geo,speed\n2026-02-12,Claude Haiku 4.5,Default,k,message,≤ 200k,output,0.03,token,not_available,\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'anthropic.csv' });
    expect(p.mappingSource).toBe('builtin');
    expect(p.kindCandidates).toEqual([]);
    expect(p.mapping?.columns).toMatchObject({ date: 'usage_date_utc', amount: 'cost_usd' });
    // Evidence still says what the mapped columns hold.
    expect(p.evidence.amount).toEqual([
      'header "cost_usd" is English "cost": the amount; "USD" names the currency USD',
      '1/1 values are amounts with decimal point',
    ]);
  });
});

describe('inference stays off the per-row path', () => {
  it('reads at most INFERENCE_ROWS rows of content, however many rows it is handed', () => {
    let reads = 0;
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      row: i + 2,
      cells: [`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, `${i}.50`, 'Acme'] as Cell[],
    }));
    const counted = new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const file = new FileEvidence(['When', 'Amount', 'Vendor'], counted);
    for (let i = 0; i < 3; i++) file.profile(i);
    expect(reads).toBeLessThanOrEqual(INFERENCE_ROWS);
    expect(file.profile(1).filled).toBe(INFERENCE_ROWS);
  });

  it('the importer hands inference only the head read with the header (40 rows of a 5,000-row file)', async () => {
    const w = open();
    const lines = ['Date,Amount'];
    for (let i = 0; i < 5_000; i++) lines.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')},${i}.25`);
    const file = writeFile(w.dir, 'big.csv', lines.join('\n'));
    const source = await openSource(file, 'big.csv');
    try {
      const header = await readHeader(source);
      // The 40 rows read include the header: 39 data rows, never the rest of the file.
      expect(header.head.length).toBe(INFERENCE_ROWS - 1);
    } finally {
      source.close();
    }
  });

  it('the row pass (transform, scan) does not import inference', () => {
    const root = path.resolve(__dirname, '../../..');
    for (const f of [
      'shared/import/transform.ts',
      'electron/import/scanCore.ts',
      'electron/import/scan.ts',
    ]) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      expect(text, f).not.toMatch(/from '[^']*(columnRoles|vocabulary|propose|fuzzball)'/);
    }
  });
});
