import { useMemo } from 'react';

/** IANA zones the browser knows, UTC first; the current value stays listed even if this runtime lacks it. */
function zoneNames(current: string | null): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const names = ['UTC', ...known.filter((z) => z !== 'UTC')];
  if (current && !names.includes(current)) names.push(current);
  return names;
}

/**
 * Picks the zone whose calendar dates imported timestamps fall on. With `inheritLabel`, the first
 * choice (value null) is to follow the workspace default.
 */
export function TimeZoneSelect({
  id,
  value,
  onChange,
  inheritLabel,
  describedBy,
}: {
  id: string;
  value: string | null;
  onChange(zone: string | null): void;
  inheritLabel?: string;
  describedBy?: string;
}) {
  const names = useMemo(() => zoneNames(value), [value]);
  return (
    <select
      id={id}
      value={value ?? ''}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      {inheritLabel !== undefined && <option value="">{inheritLabel}</option>}
      {names.map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}
