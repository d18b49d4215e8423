import { describe, expect, it } from 'vitest';
import { goBenchmarkFile } from '../../src/components/playground/benchmark.ts';

const program = `package main

type point struct{ x, y int }

func newPoint() *point {
	p := point{1, 2}
	return &p
}

func sum(p point) int { return p.x + p.y }

func main() { println(sum(*newPoint())) }
`;

describe('copy as Go benchmark', () => {
  it('benchmarks parameterless functions and checks the predicted count', () => {
    const file = goBenchmarkFile(program, { m: 1, noInline: false }, [
      { name: 'newPoint', line: 5, column: 6, heapAllocationsPerCall: 1, heapBytesPerCall: 16, exact: true },
    ]);
    expect(file).toMatch(/^package main\n/);
    expect(file).toContain('//\tgo test -bench . -benchmem');
    expect(file).toContain('var callNewPoint = newPoint');
    expect(file).toContain('func BenchmarkNewPoint(b *testing.B) {');
    expect(file).toContain('const predicted = 1 // heap allocations per call, 16 B');
    expect(file).toContain('testing.AllocsPerRun(100, func() { callNewPoint() }); got != predicted');
    expect(file).not.toContain('BenchmarkMain');
  });

  it('leaves functions with parameters for the reader to call, and passes -l along', () => {
    const file = goBenchmarkFile(program, { m: 1, noInline: true });
    expect(file).toContain('// sum takes parameters');
    expect(file).not.toContain('\nfunc BenchmarkSum');
    expect(file).toContain('go test -gcflags=-l -bench . -benchmem');
    expect(file).not.toContain('\nfunc TestAllocs');
  });

  it('uses a lower bound when the count is not exact', () => {
    const file = goBenchmarkFile(program, { m: 1, noInline: false }, [
      { name: 'newPoint', line: 5, column: 6, heapAllocationsPerCall: 2, heapBytesPerCall: 32, exact: false },
    ]);
    expect(file).toContain('got < predicted');
  });
});
