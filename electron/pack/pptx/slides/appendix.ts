import { KIND_LABEL, kpiTarget, longDate, num, pct, utcTime } from '../../../../shared/export/format';
import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { sourcesText } from '../notes';
import { COLOURS } from '../theme';
import { cleanLine } from '../text';

/** Sources and definitions: every import batch with its SHA-256, the assumptions, the formulas, the KPI definitions. */
export function appendixSlides(d: DeckContext): void {
  const r = d.data.report;
  const a = r.assumptions;
  const batches = d.data.batches;
  const notes = [
    `Every figure in this deck traces to the import batches listed (file, SHA-256 of the file as imported, rows stored, time). Inputs fingerprint (SHA-256): ${d.data.inputsSha256}.`,
    ...(batches.length
      ? [
          sourcesText(
            d.data,
            batches.map((b) => b.id),
          ),
        ]
      : []),
  ].join('\n\n');
  const sources = new Flow(
    d,
    'Sources',
    notes,
    `Pack of ${longDate(d.packDate)} · inputs fingerprint ${d.data.inputsSha256.slice(0, 16)}…`,
  );
  if (batches.length === 0)
    sources.paragraph('No data was imported.', { italic: true, colour: COLOURS.muted });
  else
    sources.table(
      [
        { header: '#', w: 0.5 },
        { header: 'File · format · SHA-256 of the file as imported', w: 7.0 },
        { header: 'Kind', w: 1.5 },
        { header: 'Rows', w: 1.133, align: 'right' },
        { header: 'Imported', w: 2.2 },
      ],
      batches.map((b) => [
        String(b.id),
        `${cleanLine(b.fileName)} · ${b.format}${b.sheet ? ` · sheet ${cleanLine(b.sheet)}` : ''}\n${b.fileSha256}`,
        KIND_LABEL[b.kind] ?? b.kind,
        `${num(b.rows)}${b.excluded ? ` (+${b.excluded} left out)` : ''}`,
        utcTime(b.importedAt),
      ]),
      { fontPt: 9 },
    );
  sources.heading('Assumptions');
  sources.bullets(
    [
      `Fiscal year starts in month ${a.fiscalStartMonth}; ${r.period.label} runs ${r.period.start} to ${r.period.end}, and data dated later is ignored.`,
      `Budget status: on budget within ±${pct(a.varianceGreen)}, slightly over or under within ±${pct(a.varianceAmber)}, else over or under budget.`,
      `NPV discount rate ${pct(a.discountRateAnnual)} a year.`,
      ...r.notes,
    ],
    '',
    11,
  );

  const defs = new Map(d.data.kpiDefinitions.map((k) => [k.id, k]));
  const definitions = new Flow(
    d,
    'Definitions',
    "The formulas the figures were computed with, in the report model's own words (the PDF's Appendix B and the workbook's Definitions sheet).",
  );
  definitions.table(
    [
      { header: 'Metric', w: 3.0 },
      { header: 'Definition', w: 9.333 },
    ],
    d.data.definitions.map((m) => [m.name, m.formula]),
    { fontPt: 9 },
  );
  definitions.heading('KPI definitions');
  definitions.table(
    [
      { header: 'KPI', w: 3.0 },
      { header: 'Definition', w: 6.0 },
      { header: 'Target · quarter value', w: 3.333 },
    ],
    r.kpis.map((k) => [
      cleanLine(k.name),
      defs.get(k.id)?.description ?? '',
      `${kpiTarget(k, r.currency)} · ${k.derived ? 'derived from data' : `${k.aggregation} of the quarter`}`,
    ]),
    { fontPt: 9 },
  );
}
