import { detectFormat, type DetectedFormat } from '../../shared/import/formats';
import { headerSignature } from '../../shared/import/headers';
import {
  completeMapping,
  type ImportKind,
  type ImportMapping,
  type ImportMappingInput,
} from '../../shared/import/mapping';
import { problem, type ImportProblem } from '../../shared/import/problems';
import { builtinMapping, detectKind, genericMapping, withBasis } from '../../shared/import/propose';
import { sourceOf } from '../../shared/import/sources';
import { headerView } from '../../shared/import/sources/source';
import type { Db } from '../store/db';
import { getSettings } from '../store/settings';
import { findSavedMapping } from './savedMappings';
import { openSource, readHeader, type FileSource, type HeaderInfo, type SourceOptions } from './source';

export interface AnalyseRequest extends SourceOptions {
  path: string;
  name: string;
  /** Data kind to import as; 'auto' (default) detects it from the headers. */
  as?: ImportKind | 'auto';
  /** A mapping chosen by the user (wizard or --mapping FILE); wins over saved and built-in ones. */
  mapping?: ImportMappingInput | null;
  basis?: 'effective' | 'billed';
  /** IANA zone for timestamps, over the mapping's and the workspace's (the CLI's --time-zone). */
  timeZone?: string;
}

export type MappingSource = 'given' | 'saved' | 'builtin' | 'proposed';

export interface Analysis extends HeaderInfo {
  source: FileSource;
  format: DetectedFormat;
  kind: ImportKind | null;
  mapping: ImportMapping | null;
  mappingSource: MappingSource | null;
  savedMapping: { id: number; name: string } | null;
  signature: string;
  /** File-level problems found before reading the data (no kind, unsupported export). */
  problems: ImportProblem[];
}

/** Reads the head of a file and proposes how to import it: format, kind, mapping (saved, built-in or by synonyms). */
export async function analyse(db: Db, req: AnalyseRequest): Promise<Analysis> {
  const settings = getSettings(db);
  const source = await openSource(req.path, req.name, req);
  const header = await readHeader(source);
  const format = detectFormat(header.headers);
  const signature = headerSignature(header.headers);
  const problems: ImportProblem[] = [];
  const asKind = req.as && req.as !== 'auto' ? req.as : null;
  const basis = req.basis ?? settings.focusCostBasis;
  const options = { basis, tagKey: settings.initiativeTagKey, fiscalStartMonth: settings.fiscalStartMonth };

  let mapping: ImportMapping | null = null;
  let mappingSource: MappingSource | null = null;
  let savedMapping: Analysis['savedMapping'] = null;
  if (req.mapping) {
    mapping = completeMapping({ ...req.mapping, ...(asKind ? { kind: asKind } : {}) });
    mappingSource = 'given';
  } else {
    const saved = findSavedMapping(db, signature, asKind ?? format.kind);
    if (saved) {
      mapping = saved.mapping;
      mappingSource = 'saved';
      savedMapping = { id: saved.id, name: saved.name };
    } else if (format.kind && (!asKind || asKind === format.kind)) {
      mapping = builtinMapping(format, header.headers, options);
      mappingSource = mapping ? 'builtin' : null;
    }
    if (!mapping) {
      const kind = asKind ?? detectKind(header.headers, settings.fiscalStartMonth);
      if (kind) {
        mapping = genericMapping(kind, header.headers, settings.fiscalStartMonth);
        mappingSource = 'proposed';
      }
    }
  }
  if (mapping && req.basis) mapping = withBasis(mapping, header.headers, req.basis);
  if (mapping && req.timeZone) mapping = { ...mapping, timeZone: req.timeZone };
  // The format's notes, for its own mapping (built-in, or saved from one for this layout).
  if (
    mapping &&
    mapping.format === format.format &&
    (mappingSource === 'builtin' || mappingSource === 'saved')
  ) {
    const notes = sourceOf(format.format)?.notes?.(headerView(header.headers), {
      reportingCurrency: settings.currency,
      mapping,
    });
    for (const note of notes ?? [])
      problems.push(problem(null, null, null, `${format.label}: ${note}`, 'warning'));
  }
  if (format.unsupported && !req.mapping && mappingSource !== 'saved') {
    problems.push(problem(null, null, null, `${format.label}: ${format.unsupported}`));
  } else if (!mapping) {
    problems.push(
      problem(
        null,
        null,
        null,
        `could not tell what this table holds from its headers (${header.headers.slice(0, 8).join(', ')}${header.headers.length > 8 ? ', ...' : ''}); ` +
          'choose the kind (spend, budget, benefits, kpis, initiatives) and map the columns',
      ),
    );
  }
  return {
    ...header,
    source,
    format,
    kind: mapping?.kind ?? asKind ?? format.kind,
    mapping,
    mappingSource,
    savedMapping,
    signature,
    problems,
  };
}
