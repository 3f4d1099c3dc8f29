import type { RagStatus } from '../../../shared/domain';

/**
 * A distinct shape per status, so a status reads in greyscale and to colour-blind readers: ● on track,
 * ▲ at risk, ■ off track, ◌ no data (dashed ring). Drawn in the current text colour; the
 * `status-shape-<status>` class gives it the status colour where no badge around it does (kit.css).
 */
export function StatusShape({ status, size = 10 }: { status: RagStatus; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 10 10"
      aria-hidden="true"
      focusable="false"
      className={`status-shape status-shape-${status}`}
    >
      {status === 'green' && <circle cx="5" cy="5" r="4.5" fill="currentColor" />}
      {status === 'amber' && <polygon points="5,0.5 9.6,9.5 0.4,9.5" fill="currentColor" />}
      {status === 'red' && <rect x="0.8" y="0.8" width="8.4" height="8.4" rx="0.8" fill="currentColor" />}
      {status === 'no_data' && (
        <circle
          cx="5"
          cy="5"
          r="3.9"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
          strokeDasharray="2 1.4"
        />
      )}
    </svg>
  );
}
