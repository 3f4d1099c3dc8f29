import type { ImportPreview } from '../../../shared/api';
import type { ImportRequestState } from './useImportWizard';

/** Proposed matches the user has neither confirmed nor declined: the import waits for them. */
export function undecidedProposals(preview: ImportPreview, request: ImportRequestState): number {
  const declined = new Set(request.declinedMatches ?? []);
  return preview.initiativeProposals.filter((p) => !declined.has(p.name)).length;
}
