import { useState } from 'react';
import type { BenefitAssumptionLine } from '../../../shared/api';
import { CONFIDENCE_LEVELS, type Confidence } from '../../../shared/domain';
import { microToCentsString } from '../../../shared/money';
import { api } from '../api/client';
import { formatExactMoney } from '../format';

/** Micro-units as the decimal text the API takes back ("1234.5" for 1,234.50), exact. */
function decimal(micro: number | null): string {
  if (micro === null) return '';
  const neg = micro < 0;
  const digits = String(Math.abs(micro)).padStart(7, '0');
  const frac = digits.slice(-6).replace(/0+$/, '');
  return `${neg ? '-' : ''}${digits.slice(0, -6)}${frac ? `.${frac}` : ''}`;
}

interface Draft {
  low: string;
  high: string;
  assumption: string;
  owner: string;
  source: string;
  confidence: Confidence | '';
  evidenceDate: string;
}

function draftOf(l: BenefitAssumptionLine): Draft {
  return {
    low: decimal(l.low),
    high: decimal(l.high),
    assumption: l.assumption ?? '',
    owner: l.owner ?? '',
    source: l.source ?? '',
    confidence: l.confidence ?? '',
    evidenceDate: l.evidenceDate ?? '',
  };
}

/** One benefit line's register fields as a table row of inputs, saved together (each save is logged). */
export function BenefitLineEditor({
  line,
  onSaved,
}: {
  line: BenefitAssumptionLine;
  onSaved(line: BenefitAssumptionLine): void;
}) {
  const [draft, setDraft] = useState(() => draftOf(line));
  const [state, setState] = useState<'idle' | 'saving' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(line));
  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const save = async () => {
    setState('saving');
    setError(null);
    try {
      const saved = await api.call('benefits.setAssumptions', {
        id: line.id,
        patch: {
          low: draft.low.trim() === '' ? null : draft.low.trim(),
          high: draft.high.trim() === '' ? null : draft.high.trim(),
          assumption: draft.assumption,
          owner: draft.owner,
          source: draft.source,
          confidence: draft.confidence === '' ? null : draft.confidence,
          evidenceDate: draft.evidenceDate === '' ? null : draft.evidenceDate,
        },
      });
      setState('idle');
      setDraft(draftOf(saved));
      onSaved(saved);
    } catch (err) {
      setState('error');
      setError((err as Error).message);
    }
  };
  const field = `benefit-${line.id}`;
  return (
    <tr data-testid={`benefit-line-${line.id}`} className={state === 'error' ? 'row-error' : undefined}>
      <th scope="row">
        {line.date}
        <div className="muted small">{line.realized ? 'Realized' : 'Projected'}</div>
      </th>
      <td className="num" title={`${line.currency} ${microToCentsString(line.amount)}`}>
        {formatExactMoney(line.amount, line.currency)}
      </td>
      <td>
        <input
          aria-label={`Low, ${line.date}`}
          id={`${field}-low`}
          className="input-money"
          inputMode="decimal"
          value={draft.low}
          onChange={set('low')}
        />
      </td>
      <td>
        <input
          aria-label={`High, ${line.date}`}
          className="input-money"
          inputMode="decimal"
          value={draft.high}
          onChange={set('high')}
        />
      </td>
      <td>
        <input
          aria-label={`Assumption, ${line.date}`}
          value={draft.assumption}
          onChange={set('assumption')}
        />
      </td>
      <td>
        <input aria-label={`Owner, ${line.date}`} value={draft.owner} onChange={set('owner')} />
      </td>
      <td>
        <input aria-label={`Source, ${line.date}`} value={draft.source} onChange={set('source')} />
      </td>
      <td>
        <select aria-label={`Confidence, ${line.date}`} value={draft.confidence} onChange={set('confidence')}>
          <option value="">—</option>
          {CONFIDENCE_LEVELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`Evidence date, ${line.date}`}
          type="date"
          value={draft.evidenceDate}
          onChange={set('evidenceDate')}
        />
      </td>
      <td>
        <button
          type="button"
          className="small-button"
          disabled={!dirty || state === 'saving'}
          onClick={() => void save()}
        >
          {state === 'saving' ? 'Saving…' : 'Save'}
        </button>
        {error ? (
          <div className="field-error small" role="alert">
            {error}
          </div>
        ) : line.editedAt ? (
          <div className="muted small">edited {line.editedAt.slice(0, 10)}</div>
        ) : null}
      </td>
    </tr>
  );
}
