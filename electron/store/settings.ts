import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../shared/domain';
import type { ReadableDb, WritableDb } from './connection';

export function getSettings(db: ReadableDb): WorkspaceSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value);
  const out = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof WorkspaceSettings)[]) {
    if (key in stored) (out as Record<string, unknown>)[key] = stored[key];
  }
  return out;
}

export function updateSettings(db: WritableDb, patch: Partial<WorkspaceSettings>): WorkspaceSettings {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || !(key in DEFAULT_SETTINGS)) continue;
      upsert.run(key, JSON.stringify(value));
    }
  })();
  return getSettings(db);
}
