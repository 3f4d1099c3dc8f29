import { summaryFormat, type SummaryFormat } from '../narrative/draftSummary';
import { boardMoney, boardSignedMoney } from './format';

/** The Narrative screen's draft summary as the pack prints it (targets by word: "min 15.0%"). */
export const PACK_SUMMARY_FORMAT: SummaryFormat = summaryFormat('word');

/** The same on the PDF's board pages: money in whole units, as on the rest of those pages. */
export const BOARD_SUMMARY_FORMAT: SummaryFormat = {
  ...PACK_SUMMARY_FORMAT,
  money: boardMoney,
  signedMoney: boardSignedMoney,
};
