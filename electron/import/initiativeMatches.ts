import { ImportRejected } from '../../shared/import/errors';
import { proposeInitiativeMatch, type InitiativeMatchProposal } from '../../shared/import/initiativeMatch';
import { problem } from '../../shared/import/problems';
import type { ImportPreview } from '../../shared/import/summary';
import type { ReadableDb } from '../store/connection';
import { initiativeIdByName, initiativeNames } from '../store/initiatives';

/** A name in the file the user matched to an initiative the workspace has. */
export interface InitiativeMatch {
  name: string;
  initiative: string;
}

/** How a file's spelling of a name is looked up: trimmed, case aside (as the workspace's NOCASE column). */
export const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * The user's matches as file spelling → the initiative's stored name. A match to an initiative the workspace
 * does not have is refused before a row is read, naming it (nothing is created under a name no one chose).
 */
export function initiativeAliases(
  db: ReadableDb,
  fileName: string,
  matches: readonly InitiativeMatch[] | undefined,
): Map<string, string> {
  const aliases = new Map<string, string>();
  if (!matches?.length) return aliases;
  const idOf = initiativeIdByName(db);
  const stored = new Map(initiativeNames(db).map((n) => [nameKey(n), n]));
  const unknown = matches.filter((m) => idOf(m.initiative) === undefined);
  if (unknown.length > 0)
    throw new ImportRejected(
      fileName,
      null,
      unknown.map((m) =>
        problem(
          null,
          null,
          m.name,
          `"${m.name}" is matched to the initiative "${m.initiative}", which this workspace does not have`,
          'error',
          'unknown-initiative',
        ),
      ),
    );
  for (const m of matches) aliases.set(nameKey(m.name), stored.get(nameKey(m.initiative)) ?? m.initiative);
  return aliases;
}

/** Created names close to an initiative the workspace had before the import. */
export function proposalsForCreated(
  created: readonly string[],
  existingBefore: readonly string[],
): Omit<InitiativeMatchProposal, 'row'>[] {
  return created.flatMap((name) => {
    const p = proposeInitiativeMatch(name, existingBefore);
    return p ? [{ name, ...p }] : [];
  });
}

/**
 * The preview's initiatives: names the user matched are no longer new; each remaining new name close to an
 * existing initiative is proposed as it.
 */
export function initiativesOfPreview(
  db: ReadableDb,
  found: readonly { name: string; row: number }[],
  aliases: ReadonlyMap<string, string>,
): Pick<ImportPreview, 'newInitiatives' | 'initiativeProposals' | 'matchedInitiatives'> {
  const newInitiatives = found.filter((n) => !aliases.has(nameKey(n.name)));
  const matchedInitiatives = found
    .filter((n) => aliases.has(nameKey(n.name)))
    .map((n) => ({ name: n.name, initiative: aliases.get(nameKey(n.name))! }));
  const existing = newInitiatives.length > 0 ? initiativeNames(db) : [];
  const initiativeProposals: InitiativeMatchProposal[] = [];
  for (const n of newInitiatives) {
    const p = proposeInitiativeMatch(n.name, existing);
    if (p) initiativeProposals.push({ name: n.name, row: n.row, ...p });
  }
  return { newInitiatives, initiativeProposals, matchedInitiatives };
}
