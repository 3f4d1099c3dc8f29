import { summaryFormat, type SummaryFormat } from '../narrative/draftSummary';

/** The Narrative screen's draft summary as the pack prints it (targets by word: "min 15.0%"). */
export const PACK_SUMMARY_FORMAT: SummaryFormat = summaryFormat('word');
