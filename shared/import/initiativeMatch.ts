import { token_set_ratio, token_sort_ratio } from 'fuzzball';

/**
 * A name in a file close to an initiative the workspace has ("Support Copilot" for "Customer Support
 * Copilot"): proposed as that initiative before the import creates a new one, which the user confirms or
 * declines (the wizard; the CLI's `--match-initiative`).
 */
export interface InitiativeMatchProposal {
  /** The name as the file writes it. */
  name: string;
  /** The first row naming it. */
  row: number;
  /** The workspace's initiative it is probably meant to be. */
  initiative: string;
  /** fuzzball token-set ratio (0–100) of the normalised names. */
  score: number;
}

/** Token-set ratio at and above which a name is proposed as an existing initiative. */
export const INITIATIVE_MATCH_THRESHOLD = 90;
/**
 * A one-word name is contained in many ("Copilot" in every "… Copilot"): it is proposed only when the
 * whole names are this close too (a typo such as "Copilt").
 */
const ONE_WORD_SORT_THRESHOLD = 90;

/** Lower case, accents and punctuation dropped, spaces collapsed: "Customer-Support  Copilot®" → "customer support copilot". */
export function normaliseInitiativeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The existing initiative a new name most probably means, or null: token-set ratio over the normalised
 * names at or above the threshold (ties: the closer whole name, then alphabetical). Asked only for names
 * the workspace does not have as spelled (case aside), so a name differing in punctuation alone scores 100.
 */
export function proposeInitiativeMatch(
  name: string,
  existing: readonly string[],
): { initiative: string; score: number } | null {
  const a = normaliseInitiativeName(name);
  if (a === '') return null;
  const oneWord = !a.includes(' ');
  let best: { initiative: string; score: number; sort: number } | null = null;
  for (const initiative of existing) {
    const b = normaliseInitiativeName(initiative);
    if (b === '') continue;
    const score = token_set_ratio(a, b, { full_process: false });
    if (score < INITIATIVE_MATCH_THRESHOLD) continue;
    const sort = token_sort_ratio(a, b, { full_process: false });
    if ((oneWord || !b.includes(' ')) && sort < ONE_WORD_SORT_THRESHOLD) continue;
    if (
      !best ||
      score > best.score ||
      (score === best.score && (sort > best.sort || (sort === best.sort && initiative < best.initiative)))
    )
      best = { initiative, score, sort };
  }
  return best && { initiative: best.initiative, score: best.score };
}
