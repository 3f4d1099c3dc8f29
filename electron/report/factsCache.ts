import { dataChangeToken, inTransaction, type ReadableDb } from '../store/connection';
import { loadFacts, type WorkspaceFacts } from './facts';

const cache = new WeakMap<ReadableDb, { token: string; facts: WorkspaceFacts }>();

/**
 * The workspace facts, loaded once per connection and reloaded after any write (an import, an undo, a
 * settings or KPI edit), so switching quarters recomputes the figures without reading the store again.
 */
export function workspaceFacts(db: ReadableDb): WorkspaceFacts {
  // Inside an open transaction the data may still be rolled back: read it, but do not keep it.
  if (inTransaction(db)) {
    cache.delete(db);
    return loadFacts(db);
  }
  const token = dataChangeToken(db);
  const hit = cache.get(db);
  if (hit && hit.token === token) return hit.facts;
  const facts = loadFacts(db);
  cache.set(db, { token, facts });
  return facts;
}
