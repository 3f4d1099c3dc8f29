import { ImportMappingSchema, type ImportKind, type ImportMapping } from '../../shared/import/mapping';
import { cached, type ReadableDb, type WritableDb } from './connection';

export interface SavedMapping {
  id: number;
  name: string;
  kind: ImportKind;
  format: string;
  headerSignature: string;
  mapping: ImportMapping;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  name: string;
  kind: string;
  format: string;
  header_signature: string;
  mapping_json: string;
  created_at: string;
  updated_at: string;
}

function fromRow(r: Row): SavedMapping | null {
  const parsed = ImportMappingSchema.safeParse(JSON.parse(r.mapping_json));
  if (!parsed.success) return null; // written by another version: ignored rather than trusted
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as ImportKind,
    format: r.format,
    headerSignature: r.header_signature,
    mapping: parsed.data,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listSavedMappings(db: ReadableDb): SavedMapping[] {
  return (cached(db, 'SELECT * FROM saved_mappings ORDER BY updated_at DESC, id DESC').all() as Row[])
    .map(fromRow)
    .filter((m): m is SavedMapping => m !== null);
}

/** The mapping remembered for this header layout (of this kind, when the kind is known). */
export function findSavedMapping(
  db: ReadableDb,
  signature: string,
  kind: ImportKind | null,
): SavedMapping | null {
  const rows = (
    kind
      ? cached(db, 'SELECT * FROM saved_mappings WHERE header_signature = ? AND kind = ?').all(
          signature,
          kind,
        )
      : cached(db, 'SELECT * FROM saved_mappings WHERE header_signature = ? ORDER BY updated_at DESC').all(
          signature,
        )
  ) as Row[];
  for (const r of rows) {
    const m = fromRow(r);
    if (m) return m;
  }
  return null;
}

/** Remembers a mapping for its header layout and kind; the same layout next quarter finds it. */
export function saveMapping(
  db: WritableDb,
  name: string,
  signature: string,
  mapping: ImportMapping,
  at = new Date().toISOString(),
): number {
  cached(
    db,
    `INSERT INTO saved_mappings (name, kind, format, header_signature, mapping_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (header_signature, kind) DO UPDATE SET name = excluded.name, format = excluded.format,
       mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(name, mapping.kind, mapping.format, signature, JSON.stringify(mapping), at, at);
  return (
    cached(db, 'SELECT id FROM saved_mappings WHERE header_signature = ? AND kind = ?').get(
      signature,
      mapping.kind,
    ) as { id: number }
  ).id;
}

export function deleteSavedMapping(db: WritableDb, id: number): boolean {
  return cached(db, 'DELETE FROM saved_mappings WHERE id = ?').run(id).changes > 0;
}
