/** The app's sections, in navigation order. */
export const SCREENS = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'import', label: 'Import' },
  { id: 'scorecard', label: 'Scorecard' },
  { id: 'initiatives', label: 'Initiatives' },
  { id: 'budget', label: 'Budget' },
  { id: 'narrative', label: 'Narrative' },
  { id: 'pack', label: 'Briefing pack' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export function isScreenId(value: string): value is ScreenId {
  return SCREENS.some((s) => s.id === value);
}
