import type { WizardStep } from './useImportWizard';

const STEPS: { id: WizardStep; label: string }[] = [
  { id: 'choose', label: '1 · Choose a file' },
  { id: 'review', label: '2 · Check format, mapping and rows' },
  { id: 'committing', label: '3 · Import' },
  { id: 'done', label: '4 · Result' },
];

export function WizardSteps({ step }: { step: WizardStep }) {
  const at = STEPS.findIndex((s) => s.id === step);
  return (
    <ol className="steps" aria-label="Import steps">
      {STEPS.map((s, i) => (
        <li key={s.id} aria-current={i === at ? 'step' : undefined} className={i < at ? 'done' : undefined}>
          {s.label}
        </li>
      ))}
    </ol>
  );
}
