import { ApiError } from '../../../shared/api/contract';
import { isCalendarDate, isFiscalQuarterLabel, YEAR_LIMITS, yearRangeText } from '../../../shared/fiscal';
import { chromiumRenderer } from '../../pack/chromium';
import { exportPack, type ExportStage } from '../../pack/export';
import { getSettings } from '../../store/settings';
import { openWorkspace } from '../../store/workspace';
import { plausiblePeriodFlag } from '../periodFlag';
import { requireFlag, UsageError } from '../args';
import type { Command } from '../command';

const STAGE_TEXT: Record<ExportStage, string> = {
  figures: 'reading the figures',
  pdf: 'rendering the pages and charts in headless Chromium',
  xlsx: 'writing the Excel workbook',
  pptx: 'writing the PowerPoint deck',
  snapshot: 'recording the snapshot',
};

export const packCommand: Command = {
  name: 'pack',
  summary:
    'Write the board briefing pack for a quarter and record a snapshot: --pdf, --xlsx, --pptx (PowerPoint deck with native, editable charts) choose the files, none named = PDF and Excel, --all = all three',
  usage:
    'pack --db FILE --period FY2026-Q3 --out DIR [--pdf] [--xlsx] [--pptx] [--all] [--allow-uncommented-red] [--date YYYY-MM-DD] [--json]',
  flags: {
    values: ['db', 'period', 'out', 'date'],
    switches: ['pdf', 'xlsx', 'pptx', 'all', 'allow-uncommented-red', 'json'],
  },
  async run(args, io) {
    const period = requireFlag(args, 'period').toUpperCase();
    if (!isFiscalQuarterLabel(period))
      throw new UsageError(`--period must be a fiscal quarter such as FY2026-Q3, got "${period}"`);
    const outDir = requireFlag(args, 'out');
    const date = args.flags.get('date');
    if (typeof date === 'string' && !isCalendarDate(date))
      throw new UsageError(
        `--date must be a calendar date YYYY-MM-DD (years ${yearRangeText(YEAR_LIMITS)}), got "${date}"`,
      );
    const all = args.flags.has('all');
    const onlyPdf = args.flags.has('pdf');
    const onlyXlsx = args.flags.has('xlsx');
    const pptx = all || args.flags.has('pptx');
    // No format named: the PDF and the workbook, as before the deck existed (--pptx alone: the deck only).
    const both = all || (!onlyPdf && !onlyXlsx && !pptx);
    const progress = args.flags.has('json') ? undefined : io.progress;
    const ws = openWorkspace(requireFlag(args, 'db'));
    try {
      plausiblePeriodFlag(period, getSettings(ws.db));
      // The CLI's composition root: headless Chromium prints the pack.
      const result = await exportPack(
        ws,
        {
          period,
          pdf: both || onlyPdf,
          xlsx: both || onlyXlsx,
          pptx,
          allowUncommentedRed: args.flags.has('allow-uncommented-red'),
          outDir,
          ...(typeof date === 'string' ? { packDate: date } : {}),
        },
        chromiumRenderer(),
        progress ? { onStage: (stage) => progress.update(`${period} pack: ${STAGE_TEXT[stage]}…`) } : {},
      );
      progress?.done();
      if (args.flags.has('json')) {
        io.out(JSON.stringify(result, null, 2));
      } else {
        for (const f of result.files) io.out(`Wrote ${f.path} (${f.bytes} bytes, SHA-256 ${f.sha256})`);
        io.out(`Snapshot ${result.snapshot.id} of ${period}: inputs SHA-256 ${result.snapshot.inputsSha256}`);
        for (const w of result.warnings) io.err(`Warning: ${w}`);
      }
      return 0;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        io.err(
          `Error: ${err.message}\n(Use --allow-uncommented-red to export anyway; the override is recorded.)`,
        );
        return 1;
      }
      throw err;
    } finally {
      ws.close();
    }
  },
};
