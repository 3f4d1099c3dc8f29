import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/contract';
import type { PackExportResult, PackFile } from '../../shared/export/packTypes';
import type { Workspace } from '../store/workspace';
import { loadPackData, slimPackData } from './data';
import { localDate, packFileName, writeFileAtomic } from './files';
import { sha256 } from './hash';
import { listSnapshots, recordSnapshot } from '../store/packSnapshots';
import type { PackRenderer, RenderedPack } from './renderer';
import { DECK_LOGO_ID } from './pdfOptions';
import { writableDb } from '../store/workspace';
import { buildDeck } from './pptx/deck';
import { isSvgLogo } from '../../shared/export/logo';
import { buildWorkbook } from './xlsx/workbook';

export interface ExportRequest {
  period: string;
  pdf: boolean;
  xlsx: boolean;
  /** The PowerPoint deck (native charts; needs no rendering). */
  pptx?: boolean;
  allowUncommentedRed: boolean;
  outDir?: string;
  packDate?: string;
}

/** Stages of an export, for a progress display ("printing the PDF"). */
export type ExportStage = 'figures' | 'pdf' | 'xlsx' | 'pptx' | 'snapshot';

export function defaultOutDir(workspaceFile: string): string {
  return path.join(path.dirname(workspaceFile), 'Briefing packs');
}

async function chosenOutDir(options: ExportOptions): Promise<string | undefined> {
  if (!options.chooseOutDir) return undefined;
  const chosen = await options.chooseOutDir();
  if (!chosen) throw new ApiError('BAD_REQUEST', 'Export cancelled: no folder was chosen.');
  return chosen;
}

export interface ExportOptions {
  onStage?: (stage: ExportStage) => void;
  /**
   * Where the files go when the request names no folder, asked once the preflight has passed (the desktop
   * app's native folder dialog); null: the user cancelled. Without it: "Briefing packs" beside the workspace.
   */
  chooseOutDir?: () => Promise<string | null>;
}

/**
 * The one export path of every transport (CLI, browser bridge, desktop host): builds the pack data once,
 * runs the preflight on it, hands that same build to the renderer, writes each file atomically, hashes it
 * and records the snapshot of exactly those inputs. Nothing is written when the preflight blocks or the
 * rendering fails.
 */
export async function exportPack(
  ws: Workspace,
  req: ExportRequest,
  renderer: PackRenderer,
  options: ExportOptions = {},
): Promise<PackExportResult> {
  const { onStage } = options;
  if (!req.pdf && !req.xlsx && !req.pptx)
    throw new ApiError(
      'BAD_REQUEST',
      'Nothing to export: ask for the PDF, the Excel workbook and/or the PowerPoint deck.',
    );
  onStage?.('figures');
  const data = loadPackData(ws.db, req.period);
  const blocking = data.preflight.issues.filter((i) => i.blocking);
  if (blocking.length > 0 && !req.allowUncommentedRed) {
    throw new ApiError(
      'CONFLICT',
      `The pack is not ready for the board: ${blocking.map((i) => i.message).join(' ')} Add commentary, or export with the explicit override.`,
      { preflight: data.preflight },
    );
  }
  const packDate = req.packDate ?? localDate();
  const outDir = path.resolve(req.outDir ?? (await chosenOutDir(options)) ?? defaultOutDir(ws.file));
  fs.mkdirSync(outDir, { recursive: true });

  const warnings: string[] = [];
  let rendered: RenderedPack = { pdf: null, charts: {} };
  // The deck draws its own native charts: Chromium is needed for the PDF, the workbook's pictures, and
  // for the deck only to draw an SVG logo as a PNG (PowerPoint takes no SVG without one).
  const svgLogo = req.pptx === true && isSvgLogo(data.settings);
  if (req.pdf || req.xlsx || svgLogo) {
    onStage?.('pdf');
    try {
      rendered = await renderer.render({ data: slimPackData(data), packDate, pdf: req.pdf });
    } catch (err) {
      if (req.pdf) throw err;
      const why = err instanceof Error ? err.message : String(err);
      if (req.xlsx) warnings.push(`Charts were left out of the Excel pack: ${why}`);
      if (svgLogo) warnings.push(`The SVG logo was left off the PowerPoint deck: ${why}`);
    }
  }
  const svgLogoPng = svgLogo ? (rendered.charts[DECK_LOGO_ID]?.png ?? null) : null;
  if (svgLogo && !svgLogoPng && !warnings.some((w) => w.startsWith('The SVG logo')))
    warnings.push('The SVG logo was left off the PowerPoint deck: it could not be drawn as a picture.');
  if (req.pdf && !rendered.pdf) throw new Error('The PDF printer returned no document.');

  const outputs: { kind: PackFile['kind']; bytes: Uint8Array }[] = [];
  if (req.pdf) outputs.push({ kind: 'pdf', bytes: rendered.pdf! });
  if (req.xlsx) onStage?.('xlsx');
  if (req.xlsx) outputs.push({ kind: 'xlsx', bytes: await buildWorkbook(data, rendered.charts, packDate) });
  if (req.pptx) onStage?.('pptx');
  if (req.pptx) outputs.push({ kind: 'pptx', bytes: await buildDeck(data, packDate, { svgLogoPng }) });

  const files: PackFile[] = outputs.map(({ kind, bytes }) => {
    const name = packFileName(req.period, kind);
    const file = path.join(outDir, name);
    writeFileAtomic(file, bytes);
    return { kind, path: file, name, sha256: sha256(bytes), bytes: bytes.byteLength };
  });

  if (blocking.length > 0)
    warnings.push(
      `Exported by override with ${blocking.length} red KPI(s) without commentary: ${blocking.map((i) => `${data.report.kpis.find((k) => k.id === i.ref)?.name ?? i.ref} (${i.ref})`).join(', ')}.`,
    );
  onStage?.('snapshot');
  const earlier = listSnapshots(ws.db, req.period)[0] ?? null;
  const restatedSince = earlier && earlier.inputsSha256 !== data.inputsSha256 ? earlier : null;
  if (restatedSince)
    warnings.push(
      `The figures differ from the pack of ${req.period} exported at ${restatedSince.createdAt} (snapshot ${restatedSince.id}).`,
    );
  const snapshot = recordSnapshot(writableDb(ws), {
    period: req.period,
    createdAt: new Date().toISOString(),
    inputsSha256: data.inputsSha256,
    report: data.report,
    files,
  });
  return { period: req.period, outDir, files, snapshot, preflight: data.preflight, warnings, restatedSince };
}
