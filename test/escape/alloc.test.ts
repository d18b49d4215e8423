/**
 * Heap allocations per call against the oracle's measurements (src/data/oracle/allocs.json,
 * from testing.AllocsPerRun and the benchmark's B/op): where the simulator claims an exact
 * figure it must equal the measurement; where it gives a lower bound, the bound must hold.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/sim/analyze.ts';

interface Measurement {
  allocsPerRun: number;
  bytesPerOp: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const oracle = JSON.parse(readFileSync(`${root}src/data/oracle/allocs.json`, 'utf8')) as { results: Record<string, Record<string, Measurement>> };

describe('allocations per call match the measured ones', () => {
  for (const [path, functions] of Object.entries(oracle.results)) {
    it(path, async () => {
      const result = await analyze({ source: readFileSync(root + path, 'utf8'), fileName: path.split('/').pop() as string, flags: { m: 1, noInline: true } });
      if (result.kind !== 'ok') {
        // Nothing is claimed for a file the simulator does not model.
        expect(result.kind).toBe('notModeled');
        return;
      }
      for (const [name, measured] of Object.entries(functions)) {
        const summary = result.functions.find((candidate) => candidate.name === name);
        expect(summary, `${name} has a summary`).toBeDefined();
        if (summary === undefined) continue;
        if (summary.exact) {
          expect(summary.heapAllocationsPerCall, `${name} allocations`).toBe(measured.allocsPerRun);
          expect(summary.heapBytesPerCall, `${name} bytes`).toBe(measured.bytesPerOp);
        } else {
          expect(summary.heapAllocationsPerCall, `${name} allocations (lower bound)`).toBeLessThanOrEqual(measured.allocsPerRun);
          expect(summary.heapBytesPerCall, `${name} bytes (lower bound)`).toBeLessThanOrEqual(measured.bytesPerOp);
        }
      }
    });
  }
});
