/**
 * Constants as gc prints them in -m lines and types2 in messages (go/constant's String): floats
 * as %.6g (the shortest %g when that would hide a fraction), long strings cut at 69 characters.
 * The expected texts are what go1.26 printed for `fmt.Println(<constant>)` under -m.
 */
import { describe, expect, it } from 'vitest';
import { formatConstantShort } from '../../src/sim/types/constant.ts';

const float = (numerator: bigint, denominator: bigint) => ({ kind: 'float' as const, value: { numerator, denominator } });

describe('constants printed short', () => {
  it('prints floats as %.6g', () => {
    const cases: [bigint, bigint, string][] = [
      [314159265n, 100000000n, '3.14159'],
      [1n, 100n, '0.01'],
      [2n, 1n, '2'],
      [1000000n, 1n, '1e+06'],
      [1234567n, 1n, '1.23457e+06'],
      [1000001n, 10n, '100000.1'],
      [1n, 10000000n, '1e-07'],
      [-25n, 10n, '-2.5'],
      [123456789n, 1000n, '123456.789'],
    ];
    for (const [numerator, denominator, text] of cases) expect(formatConstantShort(float(numerator, denominator))).toBe(text);
  });
  it('cuts long strings to 69 characters and ...', () => {
    const long = '. '.repeat(40);
    expect(formatConstantShort({ kind: 'string', value: long })).toBe(`"${long.slice(0, 68)}...`);
    expect(formatConstantShort({ kind: 'string', value: 'short' })).toBe('"short"');
  });
});
