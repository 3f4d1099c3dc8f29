import type { Db } from '../store/db';
import { loadFacts, type WorkspaceFacts } from './facts';

/**
 * What changes whenever the workspace's data might have: commits by other connections (`data_version`)
 * and rows written through this one (`total_changes()`, triggers included).
 */
function changeToken(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

const cache = new WeakMap<Db, { token: string; facts: WorkspaceFacts }>();

/**
 * The workspace facts, loaded once per connection and reloaded after any write (an import, an undo, a
 * settings or KPI edit), so switching quarters recomputes the figures without reading the store again.
 */
export function workspaceFacts(db: Db): WorkspaceFacts {
  // Inside an open transaction the data may still be rolled back: read it, but do not keep it.
  if (db.inTransaction) {
    cache.delete(db);
    return loadFacts(db);
  }
  const token = changeToken(db);
  const hit = cache.get(db);
  if (hit && hit.token === token) return hit.facts;
  const facts = loadFacts(db);
  cache.set(db, { token, facts });
  return facts;
}
