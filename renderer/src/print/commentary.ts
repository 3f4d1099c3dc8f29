import type { Commentary, CommentaryScope } from '../../../shared/api/workspace';

/** The commentary text for a scope (and KPI ref), or undefined when none was written. */
export function commentaryFor(all: Commentary[], scope: CommentaryScope, ref = ''): string | undefined {
  const body = all.find((c) => c.scope === scope && c.ref === ref)?.body;
  return body && body.trim() !== '' ? body : undefined;
}
