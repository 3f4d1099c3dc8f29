import { afterEach, describe, expect, it } from 'vitest';
import { CodedError, hasErrorCode, VALUE_ERROR_CODES } from '../../../shared/errors';
import { parseDate } from '../../../shared/import/dates';
import { parseAmountMicro } from '../../../shared/import/numbers';
import { MoneyOverflowError } from '../../../shared/money';
import { fromWire, toWire } from '../../../electron/import/scanProtocol';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { Workspace } from '../../../electron/store/workspace';
import { rejected, tempWorkspace, writeFile } from './helpers';

let ws: (Workspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

const HEADER = 'date,amount,currency,category,vendor,description\n';
const TOO_BIG = '10000000000.00';

/**
 * The transform decides whether an error is a value that does not read (a problem on its row and column)
 * or a failure that stops the import by the error's code; it used to match "outside the range" in the
 * message for an amount beyond what a number holds exactly.
 */
describe('errors carry a code; the import branches on it, the message stays for people', () => {
  it('an amount beyond ±9,007,199,254 units is a problem on its row and column, in the same words', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'big.csv',
      `${HEADER}2026-08-15,${TOO_BIG},USD,model_api,OpenAI,big\n2026-08-16,12.50,USD,model_api,OpenAI,ok\n`,
    );
    const message = `Amount ${TOO_BIG} is outside the range that can be summed exactly (±9,007,199,254 currency units)`;
    const p = await previewImport(ws.db, { path: file, name: 'big.csv' });
    expect(p.problems).toEqual([
      { row: 2, column: 'amount', value: TOO_BIG, message, severity: 'error', code: 'invalid-value' },
    ]);
    expect(p.counts).toMatchObject({ valid: 1, invalid: 1 });
    const err = await rejected(commitImport(ws.db, { path: file, name: 'big.csv' }));
    expect(err.message).toBe(
      `big.csv: rejected, nothing was imported (1 problem):\n  - row 2, column "amount" ("${TOO_BIG}"): ${message}`,
    );
    expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    // With skip-invalid the row is left out and the other imported.
    const done = await commitImport(ws.db, { path: file, name: 'big.csv', skipInvalid: true });
    expect(done.rows).toBe(1);
    expect(done.problems.map((x) => [x.row, x.code, x.message])).toEqual([[2, 'invalid-value', message]]);
  });

  it('the value errors have their codes; the overflow keeps its sentence', () => {
    const overflow = (() => {
      try {
        parseAmountMicro(TOO_BIG, '.');
      } catch (e) {
        return e;
      }
    })();
    expect(overflow).toBeInstanceOf(MoneyOverflowError);
    expect(overflow).toMatchObject({
      code: 'money-overflow',
      message: `Amount ${TOO_BIG} is outside the range that can be summed exactly (±9,007,199,254 currency units)`,
    });
    expect(() => parseAmountMicro('abc', '.')).toThrow(
      expect.objectContaining({ code: 'unreadable-number' }),
    );
    expect(() => parseDate('31/31/2026', 'dmy')).toThrow(
      expect.objectContaining({ code: 'unreadable-date' }),
    );
    for (const code of VALUE_ERROR_CODES)
      expect(hasErrorCode(new CodedError(code, 'x'), VALUE_ERROR_CODES)).toBe(true);
    // A message that merely reads like one is not a value error: only the code counts.
    expect(
      hasErrorCode(new Error('Sum is outside the range that can be summed exactly'), VALUE_ERROR_CODES),
    ).toBe(false);
  });

  it('a coded error keeps its code and message across the import worker’s thread boundary', () => {
    const back = fromWire(toWire(new MoneyOverflowError('Sum')));
    expect(back).toBeInstanceOf(CodedError);
    expect(back).toMatchObject({
      code: 'money-overflow',
      message: 'Sum is outside the range that can be summed exactly (±9,007,199,254 currency units)',
    });
    const plain = fromWire(toWire(new Error('disk on fire')));
    expect(plain).not.toBeInstanceOf(CodedError);
    expect(plain.message).toBe('disk on fire');
  });
});
