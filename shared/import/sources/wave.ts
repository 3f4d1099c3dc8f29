import { columnsOf, findHeader } from '../columns';
import { defineSource, hasAll } from './source';

/**
 * Wave (waveapps.com) accounting transactions export: the general ledger, one row per account line of each
 * transaction (bank, payables, sales tax, income and expense accounts alike), with the amount written both as
 * one signed column and as debit and credit columns ("Two Column Approach"), and each account's group
 * (Asset, Liability, Equity, Income, Expense). Spend is the expense accounts' lines: debit − credit, kept by a
 * built-in filter on `Account Group` = Expense; the other lines are counted as filtered, never stored. The
 * file names no currency (Wave's business currency): the workspace's is assumed, and the preview says so.
 */
export const waveAccounting = defineSource({
  id: 'wave',
  kind: 'spend',
  identify: (view) =>
    hasAll(
      view,
      'transactionid',
      'accountname',
      'accountgroup',
      'debitamounttwocolumnapproach',
      'creditamounttwocolumnapproach',
    )
      ? 'Wave accounting transactions export (general ledger)'
      : null,
  mapping: (view) => ({
    kind: 'spend',
    format: 'wave',
    columns: columnsOf(view.headers, {
      date: ['transactiondate'],
      debit: ['debitamounttwocolumnapproach'],
      credit: ['creditamounttwocolumnapproach'],
      vendor: ['vendor'],
      description: ['transactionlinedescription', 'transactiondescription'],
      costCenter: ['accountname'],
    }),
    decimal: '.',
    dateOrder: 'ymd',
    filters: [{ column: findHeader(view.headers, 'accountgroup')!, op: 'is', values: ['Expense'] }],
  }),
  notes: () => [
    "a general ledger: only the expense accounts' lines are spend (Account Group = Expense), each debit − credit; the bank, payables, tax and income lines of the same transactions are left out (counted as filtered); the account is kept as the cost center",
  ],
});
