import type { Commentary, CommentaryScope } from '../../shared/api/workspace';
import type { ReadableDb, WritableDb } from './connection';

export function listCommentary(db: ReadableDb, period: string): Commentary[] {
  const rows = db
    .prepare(
      'SELECT period, scope, ref, body, updated_at FROM commentary WHERE period = ? ORDER BY scope, ref',
    )
    .all(period) as {
    period: string;
    scope: CommentaryScope;
    ref: string;
    body: string;
    updated_at: string;
  }[];
  return rows.map((r) => ({
    period: r.period,
    scope: r.scope,
    ref: r.ref,
    body: r.body,
    updatedAt: r.updated_at,
  }));
}

export function setCommentary(
  db: WritableDb,
  c: { period: string; scope: CommentaryScope; ref: string; body: string },
  at = new Date().toISOString(),
): Commentary {
  if (c.body.trim() === '') {
    db.prepare('DELETE FROM commentary WHERE period = ? AND scope = ? AND ref = ?').run(
      c.period,
      c.scope,
      c.ref,
    );
  } else {
    db.prepare(
      `INSERT INTO commentary (period, scope, ref, body, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(period, scope, ref) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    ).run(c.period, c.scope, c.ref, c.body, at);
  }
  return { ...c, updatedAt: at };
}
