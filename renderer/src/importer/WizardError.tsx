import { describeProblem } from '../../../shared/import/problems';
import { FocusHeading } from '../components/FocusHeading';
import type { WizardError as WizardErrorShape } from './useImportWizard';

/** An import error in plain words, naming the rows and columns at fault; its heading takes focus. */
export function WizardError({ error }: { error: WizardErrorShape }) {
  return (
    <div className="notice notice-error" role="alert" data-testid="import-error">
      <FocusHeading className="result-heading">{error.title}</FocusHeading>
      <p>{error.message}</p>
      {error.problems.length > 0 && (
        <ul className="problem-list">
          {error.problems.slice(0, 20).map((p, i) => (
            <li key={i}>{describeProblem(p)}</li>
          ))}
          {error.problems.length > 20 && <li>… and {error.problems.length - 20} more</li>}
        </ul>
      )}
    </div>
  );
}
