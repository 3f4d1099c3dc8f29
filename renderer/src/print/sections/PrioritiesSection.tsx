import type { PackData } from '../../../../shared/export/packTypes';
import { commentaryFor } from '../commentary';
import { Section } from '../components/Section';
import { TextList } from '../components/TextList';

export function PrioritiesSection({ data }: { data: PackData }) {
  return (
    <Section id="priorities" title="Next-quarter priorities" newPage={false}>
      <TextList
        text={commentaryFor(data.commentary, 'priorities')}
        empty="No priorities were recorded for next quarter."
      />
    </Section>
  );
}
