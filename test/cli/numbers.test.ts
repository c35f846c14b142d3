import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimal, wholeNumber } from '../../src/cli/numbers.js';
import { InvalidOptionError } from '../../src/errors.js';

test('cli numbers: whole numbers and decimals with bounds, one message shape', () => {
  assert.equal(wholeNumber('--epochs', { min: 1 })('3'), 3);
  assert.equal(wholeNumber('--limit')('0'), 0);
  assert.equal(decimal('--lr')('3e-4'), 3e-4);
  assert.equal(decimal('--budget', { above: 0 })('0.5'), 0.5);
  const rejects = (parse: (v: string) => number, value: string, message: RegExp) =>
    assert.throws(() => parse(value), (error: unknown) => error instanceof InvalidOptionError && message.test(error.message));
  rejects(wholeNumber('--epochs', { min: 1 }), '0', /^--epochs must be a whole number >= 1, got "0"$/);
  rejects(wholeNumber('--limit'), '2.5', /--limit must be a whole number >= 0/);
  rejects(wholeNumber('--port', { min: 0, max: 65535 }), '70000', /<= 65535/);
  rejects(wholeNumber('--limit'), '', /got ""/);
  rejects(decimal('--budget', { above: 0 }), '0', /--budget must be a number > 0/);
  rejects(decimal('--lr'), 'abc', /--lr must be a number, got "abc"/);
});
