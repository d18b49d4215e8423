/**
 * Escape analysis benchmark (prints figures; budgets in DESIGN.md §7):
 * - median simulator time per fixture of test/fixtures/escape (`-m -l`), and the ratio to
 *   `go build -gcflags='-m -l'` wall time on the same file when `go` is installed;
 * - a generated 5,000-line file (budget: < 250 ms).
 *
 * Usage: node scripts/bench-escape.ts [--runs N] [--no-go]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/sim/analyze.ts';
import { escapeFile } from '../src/sim/escape/escape.ts';
import { inlinePackage } from '../src/sim/inline/inline.ts';
import { lowerFile } from '../src/sim/ir/lower.ts';
import { loadGoParserForNode } from '../src/sim/syntax/node-wasm.ts';
import { parse } from '../src/sim/syntax/parse.ts';
import { check } from '../src/sim/types/index.ts';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 15;
const useGo = !args.includes('--no-go') && hasGo();
const fixtureDir = fileURLToPath(new URL('../test/fixtures/escape/', import.meta.url));

function hasGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function simulatorMs(source: string, fileName: string): Promise<{ ms: number; kind: string }> {
  const times: number[] = [];
  let kind = '';
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = await analyze({ source, fileName, flags: { m: 1, noInline: true } });
    times.push(performance.now() - started);
    kind = result.kind;
  }
  return { ms: median(times), kind };
}

/** Median wall time of `go build -gcflags='-m -l'` (build cache off for the package: -a is too slow, so the file changes each run). */
function goBuildMs(path: string, work: string): number {
  const times: number[] = [];
  const source = readFileSync(path, 'utf8');
  for (let run = 0; run < 3; run++) {
    const copy = join(work, 'main.go');
    // A trailing comment that differs per run defeats the build cache.
    writeFileSync(copy, `${source}\n// run ${run} ${Date.now()}\n`);
    const started = performance.now();
    try {
      execFileSync('go', ['build', '-gcflags=-m -l', '-o', join(work, 'a.out'), copy], { cwd: work, stdio: 'ignore' });
    } catch {
      // Compile errors still measure the compiler's time.
    }
    times.push(performance.now() - started);
  }
  return median(times);
}

function generatedFile(lines: number): string {
  const parts = ['package main', '', 'type node struct {', '\tnext *node', '\tvalue int', '}', '', 'var sink *node', ''];
  let index = 0;
  while (parts.length < lines) {
    parts.push(
      `func f${index}(p *node, n int) *node {`,
      '\tx := &node{value: n}',
      '\tif n > 0 {',
      '\t\tx.next = p',
      '\t}',
      '\tvalues := make([]int, 0, 8)',
      '\tfor i := 0; i < n; i++ {',
      '\t\tvalues = append(values, i)',
      '\t}',
      '\tlocal := node{value: len(values)}',
      '\tsink = &local',
      '\treturn x',
      '}',
      '',
    );
    index++;
  }
  parts.push('func main() {}', '');
  return parts.join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'bench-escape-'));
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.go')).sort();
const simulatorTimes: number[] = [];
const ratios: number[] = [];
console.log(`${'fixture'.padEnd(40)} ${'sim ms'.padStart(8)} ${useGo ? 'go ms'.padStart(8) + ' ' + 'ratio'.padStart(7) : ''}  result`);
for (const name of fixtures) {
  const path = join(fixtureDir, name);
  const { ms, kind } = await simulatorMs(readFileSync(path, 'utf8'), name);
  simulatorTimes.push(ms);
  let goColumns = '';
  if (useGo) {
    copyFileSync(path, join(work, name));
    const goMs = goBuildMs(path, work);
    ratios.push(goMs / ms);
    goColumns = `${goMs.toFixed(0).padStart(8)} ${(goMs / ms).toFixed(0).padStart(6)}x`;
  }
  console.log(`${name.padEnd(40)} ${ms.toFixed(2).padStart(8)} ${goColumns}  ${kind}`);
}
console.log(`\nmedian simulator time per fixture: ${median(simulatorTimes).toFixed(2)} ms (budget 5 ms)`);
if (useGo) console.log(`median ratio go build / simulator: ${median(ratios).toFixed(0)}x (aim >= 50x)`);

const big = generatedFile(5000);
const bigLines = big.split('\n').length;
const bigResult = await simulatorMs(big, 'big.go');
console.log(`generated ${bigLines}-line file: ${bigResult.ms.toFixed(1)} ms median of ${runs} (budget 250 ms), result ${bigResult.kind}`);
// Where the time goes, stage by stage (median of the runs).
const goParser = await loadGoParserForNode();
const stages: Record<string, number[]> = { parse: [], check: [], lower: [], inline: [], escape: [] };
for (let run = 0; run < runs; run++) {
  let started = performance.now();
  const parsed = parse(goParser, big);
  stages.parse?.push(performance.now() - started);
  started = performance.now();
  const checked = check(parsed.file, {});
  stages.check?.push(performance.now() - started);
  started = performance.now();
  const lowered = lowerFile(parsed.file, checked.info, { goMinor: 26 });
  stages.lower?.push(performance.now() - started);
  if (lowered.kind !== 'ok') break;
  started = performance.now();
  const before = inlinePackage(lowered.file, { enabled: false, isInlinableExternal: () => false });
  stages.inline?.push(performance.now() - started);
  started = performance.now();
  escapeFile(lowered.file, { m: 1, goMinor: 26, fileName: 'big.go' }, before);
  stages.escape?.push(performance.now() - started);
}
console.log(`  by stage: ${Object.entries(stages).map(([name, times]) => `${name} ${median(times).toFixed(1)} ms`).join(', ')}`);
for (const size of [1250, 2500, 10000]) {
  const { ms } = await simulatorMs(generatedFile(size), 'big.go');
  console.log(`  ${size} lines: ${ms.toFixed(1)} ms`);
}
rmSync(work, { recursive: true, force: true });
