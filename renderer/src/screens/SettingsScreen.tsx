import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useWorkspace } from '../WorkspaceContext';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function SettingsScreen() {
  const { info, refresh } = useWorkspace();
  const [form, setForm] = useState({
    name: info.settings.name,
    companyName: info.settings.companyName,
    currency: info.settings.currency,
    fiscalStartMonth: info.settings.fiscalStartMonth,
  });
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.call('settings.update', { patch: form });
      setSaved(true);
      refresh();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Settings</h1>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          Workspace name
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        </label>
        <label>
          Company name (pack cover)
          <input
            value={form.companyName}
            onChange={(e) => setForm({ ...form, companyName: e.target.value })}
            required
          />
        </label>
        <label>
          Reporting currency
          <input
            value={form.currency}
            maxLength={3}
            onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })}
            pattern="[A-Z]{3}"
            required
          />
        </label>
        <label>
          Fiscal year starts in
          <select
            value={form.fiscalStartMonth}
            onChange={(e) => setForm({ ...form, fiscalStartMonth: Number(e.target.value) })}
          >
            {MONTHS.map((m, i) => (
              <option key={m} value={i + 1}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {error && <ErrorNotice title="Settings were not saved" error={error} />}
        <div className="form-actions">
          <button type="submit" className="primary">
            Save settings
          </button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
