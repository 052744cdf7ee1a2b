import { describe, expect, it } from 'vitest';
import { claimList } from '../../../functions/http/principal-from-event';

describe('claimList', () => {
  it.each([
    ['[operator bkpsdm]', ['operator', 'bkpsdm']],
    ['operator bkpsdm', ['operator', 'bkpsdm']],
    ['["operator","bkpsdm"]', ['operator', 'bkpsdm']],
    [['operator'], ['operator']],
    ['[]', []],
    [undefined, []],
    [42, []],
  ])('should read %j as %j', (input, expected) => {
    expect(claimList(input)).toEqual(expected);
  });
});
