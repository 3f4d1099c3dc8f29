import type { ScreenId } from '../screens';

const PATHS: Record<ScreenId, string> = {
  dashboard: 'M3 3h6v8H3zM11 3h6v5h-6zM11 10h6v7h-6zM3 13h6v4H3z',
  import: 'M10 3v9M6 8l4 4 4-4M4 14v3h12v-3',
  scorecard: 'M4 4h12v12H4zM7 8h6M7 11h6M7 14h3',
  initiatives: 'M4 5h3v3H4zM4 12h3v3H4zM10 6.5h6M10 13.5h6',
  budget: 'M4 16V9M8 16V5M12 16v-6M16 16V7M3 16.5h14',
  narrative: 'M4 4h12v9H9l-4 3v-3H4z',
  pack: 'M5 3h7l3 3v11H5zM12 3v3h3M8 10h4M8 13h4',
  settings:
    'M10 7a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4',
};

/** A small line icon for a section of the sidebar (decorative: the link text names the section). */
export function NavIcon({ screen }: { screen: ScreenId }) {
  return (
    <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d={PATHS[screen]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
