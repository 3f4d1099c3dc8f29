import { columnsOf } from '../columns';
import { defineSource, hasAll } from './source';

/** OpenAI organisation cost export (one row per day and line item; empty amount on days without spend). */
export const openaiCost = defineSource({
  id: 'openai-cost',
  kind: 'spend',
  reported: 'openai',
  identify: (view) =>
    hasAll(view, 'amountvalue', 'amountcurrency', 'starttime') ? 'OpenAI cost export' : null,
  mapping: (view) => ({
    kind: 'spend',
    format: 'openai-cost',
    columns: columnsOf(view.headers, {
      date: ['starttime'],
      amount: ['amountvalue'],
      currency: ['amountcurrency'],
      description: ['lineitem'],
    }),
    vendor: 'OpenAI',
    decimal: '.',
    dateOrder: 'ymd',
    categoryRule: 'constant',
    category: 'model_api',
    emptyAmountIsZero: true,
  }),
});

/** OpenAI activity (usage) export: requests and tokens, no cost. */
export const openaiActivity = defineSource({
  id: 'openai-activity',
  kind: null,
  reported: 'openai',
  identify: (view) =>
    hasAll(view, 'nummodelrequests', 'inputtokens', 'starttime') ? 'OpenAI activity export' : null,
  unsupported: 'it counts requests and tokens but carries no cost; export the cost report instead',
});
