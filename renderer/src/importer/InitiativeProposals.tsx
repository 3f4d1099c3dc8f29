import type { ImportPreview } from '../../../shared/api';
import type { ImportRequestState } from './useImportWizard';

type Decisions = Pick<ImportRequestState, 'initiativeMatches' | 'declinedMatches'>;

/**
 * New names close to an existing initiative ("Support Copilot" → "Customer Support Copilot"), each asked
 * before the import creates a new initiative: use the existing one, or create it as new.
 */
export function InitiativeProposals({
  preview,
  request,
  busy,
  onChange,
}: {
  preview: ImportPreview;
  request: ImportRequestState;
  busy: boolean;
  onChange(decisions: Decisions): void;
}) {
  const matches = request.initiativeMatches ?? [];
  const declined = request.declinedMatches ?? [];
  if (preview.initiativeProposals.length === 0 && preview.matchedInitiatives.length === 0) return null;
  const match = (name: string, initiative: string) =>
    onChange({
      initiativeMatches: [...matches.filter((m) => m.name !== name), { name, initiative }],
      declinedMatches: declined.filter((d) => d !== name),
    });
  const decline = (name: string) =>
    onChange({
      initiativeMatches: matches.filter((m) => m.name !== name),
      declinedMatches: [...declined.filter((d) => d !== name), name],
    });
  return (
    <fieldset className="notice initiative-proposals" data-testid="initiative-proposals">
      <legend>Initiatives with a similar name</legend>
      <ul className="initiative-proposal-list">
        {preview.initiativeProposals.map((p) => {
          const isDeclined = declined.includes(p.name);
          return (
            <li key={p.name} data-testid={`proposal-${p.name}`}>
              <span>
                “{p.name}” (row {p.row}) is not in this workspace.{' '}
                {isDeclined ? (
                  <strong>It will be created as a new initiative.</strong>
                ) : (
                  <>
                    Match to <strong>{p.initiative}</strong>?
                  </>
                )}
              </span>
              <span className="initiative-proposal-actions">
                <button
                  type="button"
                  className={isDeclined ? undefined : 'primary'}
                  disabled={busy}
                  onClick={() => match(p.name, p.initiative)}
                >
                  Use {p.initiative}
                </button>
                {!isDeclined && (
                  <button type="button" disabled={busy} onClick={() => decline(p.name)}>
                    Create “{p.name}” as new
                  </button>
                )}
              </span>
            </li>
          );
        })}
        {preview.matchedInitiatives.map((m) => (
          <li key={m.name} data-testid={`matched-${m.name}`}>
            <span>
              ✓ “{m.name}” rows are stored under <strong>{m.initiative}</strong>.
            </span>
            <span className="initiative-proposal-actions">
              <button type="button" disabled={busy} onClick={() => decline(m.name)}>
                Create “{m.name}” as new instead
              </button>
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
