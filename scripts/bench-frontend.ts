/**
 * `node scripts/bench-frontend.ts`: how fast the Go front end (parse + type check) is.
 * Prints the median time for a lesson-size snippet (target < 2 ms), for generated files of
 * 1k, 2k, 5k and 10k lines (5k target < 150 ms; growth should be linear), and for the hostile
 * inputs of test/frontend/limits.test.ts (target < 500 ms each). Figures, not assertions:
 * the exit code is 1 only when a target is missed.
 */
import { modelledStdlib } from '../src/sim/stdlib/modelled.ts';
import { loadGoParserForNode } from '../src/sim/syntax/node-wasm.ts';
import { parse } from '../src/sim/syntax/parse.ts';
import { check } from '../src/sim/types/index.ts';

const goParser = await loadGoParserForNode();
const stdlib = modelledStdlib();

function frontEnd(source: string): number {
  const started = performance.now();
  const parsed = parse(goParser, source);
  if (parsed.diagnostics.length === 0) check(parsed.file, { stdlib });
  return performance.now() - started;
}

function median(source: string, runs: number): number {
  for (let warm = 0; warm < Math.min(runs, 20); warm++) frontEnd(source);
  const times = Array.from({ length: runs }, () => frontEnd(source)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const snippet = `package main

import "fmt"

type point struct{ x, y int }

func (p *point) move(dx int) { p.x += dx }

//go:noinline
func newPoint(n int) *point {
	p := point{1, 2}
	p.move(n)
	s := make([]int, 0, n)
	for i := range n {
		s = append(s, i*p.y)
	}
	m := map[string][]int{"a": s}
	f := func() int { return len(m["a"]) }
	fmt.Println(f())
	return &p
}

func main() { _ = newPoint(3) }
`;

/** A Go file of about `lines` lines mixing declarations, loops, closures and method calls. */
function generated(lines: number): string {
  const parts = ['package main\n'];
  let count = 1;
  for (let index = 0; count < lines; index++) {
    parts.push(`type item${index} struct {
	name  string
	value int
	next  *item${index}
}

func (it *item${index}) total() int {
	sum := 0
	for p := it; p != nil; p = p.next {
		sum += p.value
	}
	return sum
}

func build${index}(n int) *item${index} {
	var head *item${index}
	for i := 0; i < n; i++ {
		head = &item${index}{name: "x", value: i, next: head}
	}
	values := []int{1, 2, 3}
	apply := func(v int) int { return v * ${index} }
	for _, v := range values {
		head.value += apply(v)
	}
	return head
}
`);
    count += 28;
  }
  parts.push('func main() { _ = build0(3).total() }\n');
  return parts.join('\n');
}

let missed = false;
const report = (label: string, milliseconds: number, target?: number): void => {
  const verdict = target === undefined ? '' : milliseconds < target ? `  (target < ${target} ms: ok)` : `  (target < ${target} ms: MISSED)`;
  if (target !== undefined && milliseconds >= target) missed = true;
  console.log(`${label.padEnd(44)} ${milliseconds.toFixed(2).padStart(9)} ms${verdict}`);
};

console.log(`front end benchmark (parse + check), Node ${process.version}`);
report('lesson snippet, median of 500', median(snippet, 500), 2);
const sizes = [1000, 2000, 5000, 10000];
const perSize: number[] = [];
for (const lines of sizes) {
  const source = generated(lines);
  const time = median(source, lines >= 5000 ? 9 : 21);
  perSize.push(time);
  report(`generated ${lines} lines (${Math.round(source.length / 1024)} KiB), median`, time, lines === 5000 ? 150 : undefined);
}
const first = perSize[0] ?? 1;
console.log(`growth per line relative to 1k lines: ${sizes.map((lines, index) => `${lines}: ${(((perSize[index] ?? 0) / first) * (1000 / lines)).toFixed(2)}`).join(', ')} (1.00 = linear)`);

const hostile: Record<string, string> = {
  '1 MB of source': `package main\n${'func f() { x := 1; _ = x }\n'.repeat(40_000)}`,
  '10,000 nested parentheses': `package main\nvar x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\n`,
  'binary garbage (200 KB)': Array.from({ length: 200_000 }, (_, index) => String.fromCharCode((index * 7919) % 256)).join(''),
  'unterminated string (200 KB)': `package main\nvar s = "${'a'.repeat(200_000)}`,
  '20,000-term operator chain': `package main\nvar x = ${Array(20_000).fill('1').join(' + ')}\n`,
};
for (const [label, source] of Object.entries(hostile)) report(label, median(source, 5), 500);
process.exitCode = missed ? 1 : 0;
