import { describe, expect, it } from 'vitest';
import type { AllocationSite, FunctionSummary } from '../../src/sim/api.ts';
import { framePicture, sitesOfFunction } from '../../src/components/playground/picture.ts';

function site(line: number, what: string, placement: 'heap' | 'stack', allocates = placement === 'heap'): AllocationSite {
  return { line, column: 2, end: { line, column: 3 }, what, placement, message: '', reason: [], allocates, heapBytes: allocates ? 16 : undefined };
}

const functions: FunctionSummary[] = [
  { name: 'newPoint', line: 3, column: 6, heapAllocationsPerCall: 1, heapBytesPerCall: 16, exact: true },
  { name: 'main', line: 9, column: 6, heapAllocationsPerCall: 0, heapBytesPerCall: 0, exact: true },
];
const sites = [site(4, 'p', 'heap'), site(5, 'q', 'stack'), site(10, 'buf', 'stack'), site(11, '42', 'heap', false)];

describe('stack/heap picture', () => {
  it('assigns sites to the function whose body they are in', () => {
    expect(sitesOfFunction(sites, functions, functions[0]!).map((each) => each.what)).toEqual(['p', 'q']);
    expect(sitesOfFunction(sites, functions, functions[1]!).map((each) => each.what)).toEqual(['buf', '42']);
  });

  it('puts heap objects on the heap with a pointer from the frame', () => {
    const picture = framePicture(sites, functions, functions[0]!);
    expect(picture.heap).toEqual([{ label: 'p', bytes: 16, position: '4:2' }]);
    expect(picture.frame).toEqual([
      { label: 'pointer to p', position: '4:2', pointsTo: 0 },
      { label: 'q', position: '5:2' },
    ]);
  });

  it('keeps escaping values that do not allocate off the heap column', () => {
    const picture = framePicture(sites, functions, functions[1]!);
    expect(picture.heap).toEqual([]);
    expect(picture.staticData).toEqual([{ label: '42', position: '11:2' }]);
  });
});
