import type { CommentaryScope } from '../../../../shared/api/workspace';
import { lines } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';

/** The quarter's commentary for a scope (and KPI), or undefined when none was written (the print view's rule). */
export function commentaryFor(data: PackData, scope: CommentaryScope, ref = ''): string | undefined {
  const body = data.commentary.find((c) => c.scope === scope && c.ref === ref)?.body;
  return body && body.trim() !== '' ? body : undefined;
}

/** The commentary as list items, one per non-empty line (as the PDF's lists show it). */
export function commentaryItems(data: PackData, scope: CommentaryScope, ref = ''): string[] {
  return lines(commentaryFor(data, scope, ref));
}
