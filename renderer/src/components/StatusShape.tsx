import type { RagStatus } from '../../../shared/domain';

/** Green = filled circle, amber = triangle, red = square (diamond-free shapes that survive greyscale), no data = hollow circle. */
export function StatusShape({ status, size = 10 }: { status: RagStatus; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 10 10"
      aria-hidden="true"
      className="status-shape"
      focusable="false"
    >
      {status === 'green' && <circle cx="5" cy="5" r="4.5" fill="currentColor" />}
      {status === 'amber' && <path d="M5 0.4 L9.7 9.4 L0.3 9.4 Z" fill="currentColor" />}
      {status === 'red' && <rect x="0.6" y="0.6" width="8.8" height="8.8" rx="1" fill="currentColor" />}
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
