import type { RagStatus } from '../../../../shared/domain';

/** A distinct shape per status so the scorecard reads in greyscale: ● on track, ▲ at risk, ■ off track, ○ no data. */
export function StatusShape({ status, size = 10 }: { status: RagStatus; size?: number }) {
  const common = { width: size, height: size, viewBox: '0 0 10 10', 'aria-hidden': true, className: 'shape' };
  switch (status) {
    case 'green':
      return (
        <svg {...common}>
          <circle cx="5" cy="5" r="4.5" className="fill-green" />
        </svg>
      );
    case 'amber':
      return (
        <svg {...common}>
          <polygon points="5,0.5 9.6,9.5 0.4,9.5" className="fill-amber" />
        </svg>
      );
    case 'red':
      return (
        <svg {...common}>
          <rect x="0.8" y="0.8" width="8.4" height="8.4" className="fill-red" />
        </svg>
      );
    case 'no_data':
      return (
        <svg {...common}>
          <circle cx="5" cy="5" r="4" className="stroke-nodata" />
        </svg>
      );
  }
}
