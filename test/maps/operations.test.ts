import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ClassicMap } from '../../src/sim/maps/classic/map.ts';
import { SwissMap } from '../../src/sim/maps/swiss/map.ts';

/** A random program of map operations over a small key space, so keys repeat; clears are rare so maps get big enough to grow and split. */
const program = fc.array(
  fc.oneof(
    { weight: 600, arbitrary: fc.record({ kind: fc.constant('insert' as const), key: fc.integer({ min: 0, max: 3000 }) }) },
    { weight: 250, arbitrary: fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 3000 }) }) },
    { weight: 150, arbitrary: fc.record({ kind: fc.constant('lookup' as const), key: fc.integer({ min: 0, max: 3000 }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const, key: 0 }) },
  ),
  { minLength: 2500, maxLength: 4000, size: 'max' },
);

describe('both models behave as a map under any mix of operations', () => {
  test('inserts, updates, deletes, lookups, clears and iteration agree with a reference Map', () => {
    const sizes: number[] = [];
    fc.assert(
      fc.property(program, fc.integer({ min: 1, max: 1000 }), (operations, seed) => {
        const reference = new Map<number, number>();
        let largest = 0;
        const classic = new ClassicMap({ seed });
        const swiss = new SwissMap({ seed });
        operations.forEach((operation, step) => {
          switch (operation.kind) {
            case 'insert': {
              const expected = reference.has(operation.key) ? 'updated' : 'inserted';
              reference.set(operation.key, step);
              expect(classic.insert(operation.key, step)).toBe(expected);
              expect(swiss.insert(operation.key, step)).toBe(expected);
              largest = Math.max(largest, reference.size);
              break;
            }
            case 'delete': {
              const expected = reference.delete(operation.key);
              expect(classic.delete(operation.key)).toBe(expected);
              expect(swiss.delete(operation.key)).toBe(expected);
              break;
            }
            case 'lookup': {
              const expected = { found: reference.has(operation.key), value: reference.get(operation.key) };
              expect(classic.lookup(operation.key)).toEqual(expected);
              expect(swiss.lookup(operation.key)).toEqual(expected);
              break;
            }
            case 'clear':
              reference.clear();
              classic.clear();
              swiss.clear();
              break;
          }
        });
        sizes.push(largest);
        expect(classic.count).toBe(reference.size);
        expect(swiss.used).toBe(reference.size);
        const sorted = (entries: Iterable<[unknown, unknown]>) => [...entries].sort((a, b) => Number(a[0]) - Number(b[0]));
        expect(sorted(classic.entries())).toEqual(sorted(reference.entries()));
        expect(sorted(swiss.entries())).toEqual(sorted(reference.entries()));
        for (const table of swiss.tables()) {
          expect(table.used + table.growthLeft + table.tombstones()).toBe(table.capacity <= 8 ? table.capacity - 1 : (table.capacity * 7) / 8);
          expect(table.tombstones()).toBe(Array.from(table.ctrl).filter((ctrl) => ctrl === 0xfe).length);
        }
      }),
      { numRuns: 30 },
    );
    expect(sizes.some((size) => size > 896), 'some programs grew past the first Swiss split').toBe(true);
  });

  test('iteration during an incremental grow returns every entry exactly once', () => {
    const map = new ClassicMap({ seed: 3 });
    for (let key = 0; key < 417; key++) map.insert(key);
    expect(map.old).not.toBeNull();
    const keys = [...map.entries()].map(([key]) => key as number).sort((a, b) => a - b);
    expect(keys).toEqual(Array.from({ length: 417 }, (_, key) => key));
  });

  test('deletes never shrink either map, and tombstones count against growthLeft', () => {
    const classic = new ClassicMap({ seed: 5 });
    const swiss = new SwissMap({ seed: 5 });
    for (let key = 0; key < 2000; key++) {
      classic.insert(key);
      swiss.insert(key);
    }
    const before = { B: classic.B, buckets: classic.stats().buckets, dirLen: swiss.dirLen, tables: swiss.tables().length };
    for (let key = 0; key < 2000; key++) {
      classic.delete(key);
      swiss.delete(key);
    }
    expect({ B: classic.B, buckets: classic.stats().buckets, dirLen: swiss.dirLen, tables: swiss.tables().length }).toEqual(before);
    expect(classic.count + swiss.used).toBe(0);
  });
});
