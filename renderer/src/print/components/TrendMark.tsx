import type { Trend } from '../../../../shared/domain';
import { TREND_LABEL } from '../../../../shared/export/format';

const ARROW: Record<Trend, string> = { improving: '↑', worsening: '↓', flat: '–', no_data: '·' };

export function TrendMark({ trend }: { trend: Trend }) {
  return (
    <span className={`trend trend-${trend}`}>
      <span aria-hidden="true">{ARROW[trend]}</span> {TREND_LABEL[trend]}
    </span>
  );
}
