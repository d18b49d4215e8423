/**
 * `npm run differential`: the simulator against the real compiler on every single-file `package
 * main` program of Go's test tree (`$(go env GOROOT)/test`, `test/ken`, `test/fixedbugs`,
 * `test/typeparam` whose header is `// run`, `// compile` or `// build`). Each program is built
 * with `go build -gcflags=<flags>` and analysed by the simulator; every (program, flags) pair
 * is `same` (identical output), `notModeled` (the simulator says so plainly), `wrong` (it
 * prints something else) or `goFailed` (the compiler rejects the program alone). A wrong
 * answer is what the site must never give: this finds them outside our own fixtures.
 *
 * The compiler's outputs are cached by content under `$TMPDIR/soh-differential` (a rerun after
 * a simulator change takes seconds). Prints the counts per flag set and writes the wrong pairs,
 * with their first differing lines, to `--out` (default `$TMPDIR/soh-differential-wrong.txt`).
 *
 * Usage: node scripts/differential.ts [--flags "-m,-m -l,-m=2 -l"] [--out FILE] [--only SUBSTRING] [--reasons] [--write]
 * (`--reasons` also prints why the simulator declined, most frequent first; `--write` records a
 * full run's counts and wrong pairs in src/data/differential.json for the "How we know" page).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/sim/analyze.ts';

type Kind = 'same' | 'notModeled' | 'wrong' | 'goFailed';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const flagSets = option('--flags', '-m,-m -l,-m=2 -l').split(',');
const outFile = option('--out', join(tmpdir(), 'soh-differential-wrong.txt'));
const only = option('--only', '');
const goroot = execFileSync('go', ['env', 'GOROOT']).toString().trim();
const cacheFolder = join(tmpdir(), 'soh-differential');
mkdirSync(cacheFolder, { recursive: true });

const programs: string[] = [];
for (const folder of ['test', 'test/ken', 'test/fixedbugs', 'test/typeparam']) {
  for (const name of readdirSync(join(goroot, folder)).sort()) {
    if (!name.endsWith('.go')) continue;
    const path = join(goroot, folder, name);
    if (only !== '' && !path.includes(only)) continue;
    const source = readFileSync(path, 'utf8');
    const header = source.split('\n').slice(0, 3).join('\n');
    if (/^\/\/ (run|compile|build)\s*$/m.test(header) && /^package main\b/m.test(source)) programs.push(path);
  }
}

/** What `go build -gcflags=<flags>` prints for the program alone in a fresh module (cached by content). */
async function compilerOutput(path: string, flags: string): Promise<{ lines: string[]; exitCode: number }> {
  const source = readFileSync(path, 'utf8');
  const key = createHash('sha256').update(`${flags}\0${source}`).digest('hex').slice(0, 24);
  const cached = join(cacheFolder, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as { lines: string[]; exitCode: number };
  const module = mkdtempSync(join(tmpdir(), 'soh-differential-'));
  try {
    writeFileSync(join(module, 'go.mod'), 'module example.com/differential\n\ngo 1.26\n');
    writeFileSync(join(module, basename(path)), source);
    const { output, exitCode } = await new Promise<{ output: string; exitCode: number }>((resolve) => {
      const child = spawn('go', ['build', '-o', '/dev/null', `-gcflags=${flags}`, '.'], {
        cwd: module,
        env: { ...process.env, GOFLAGS: '', GOTOOLCHAIN: 'local', GOWORK: 'off', CGO_ENABLED: '0' },
      });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('close', (code) => resolve({ output: text, exitCode: code ?? 1 }));
    });
    const lines = output.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.replace(/^\.\//, ''));
    const result = { lines, exitCode };
    writeFileSync(cached, JSON.stringify(result));
    return result;
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
}

const counts = new Map<string, Record<Kind, number>>(flagSets.map((flags) => [flags, { same: 0, notModeled: 0, wrong: 0, goFailed: 0 }]));
const wrong: string[] = [];
const wrongPairs: { program: string; flags: string; missing: number; extra: number; first: string }[] = [];
// Why the simulator declined, by reason (the construct named after "not modeled:"), per flag set.
const reasons = new Map<string, number>();
const queue = programs.flatMap((path) => flagSets.map((flags) => ({ path, flags })));
let next = 0;
async function worker(): Promise<void> {
  while (next < queue.length) {
    const { path, flags } = queue[next++] as { path: string; flags: string };
    const expected = await compilerOutput(path, flags);
    const tally = counts.get(flags) as Record<Kind, number>;
    if (expected.exitCode !== 0) {
      tally.goFailed++;
      continue;
    }
    const result = await analyze({
      source: readFileSync(path, 'utf8'),
      fileName: basename(path),
      flags: { m: flags.includes('-m=2') ? 2 : 1, noInline: flags.split(' ').includes('-l') },
    });
    const actual = result.kind === 'ok' ? result.lines : result.diagnostics.map((d) => `${basename(path)}:${d.line}:${d.column}: ${d.message}`);
    let kind: Kind = 'wrong';
    if (result.kind === 'notModeled') {
      kind = 'notModeled';
      const reason = (result.diagnostics[0]?.message ?? '').replace(/^not modeled: /, '').replace(/ of [^ ]+$/, '');
      reasons.set(`${flags}\t${reason}`, (reasons.get(`${flags}\t${reason}`) ?? 0) + 1);
    }
    else if (result.kind === 'ok' && actual.join('\n') === expected.lines.join('\n')) kind = 'same';
    tally[kind]++;
    if (kind !== 'wrong') continue;
    // As multisets: a line printed once too often or too rarely counts.
    const remaining = [...actual];
    const missing = expected.lines.filter((line) => {
      const index = remaining.indexOf(line);
      if (index < 0) return true;
      remaining.splice(index, 1);
      return false;
    });
    const extra = remaining;
    const shown = (list: string[], mark: string) => list.slice(0, 4).map((line) => `\n    ${mark} ${line}`).join('');
    const order = missing.length === 0 && extra.length === 0 ? ' (same lines, another order)' : '';
    const first = missing[0] !== undefined ? `missing: ${missing[0]}` : extra[0] !== undefined ? `extra: ${extra[0]}` : 'the same lines in another order';
    wrongPairs.push({ program: path.slice(goroot.length + 1), flags, missing: missing.length, extra: extra.length, first: first.length > 200 ? `${first.slice(0, 200)}…` : first });
    wrong.push(`${path.slice(goroot.length + 1)} [${flags}] missing ${missing.length}, extra ${extra.length}${order}${shown(missing, '-')}${shown(extra, '+')}`);
  }
}
const started = performance.now();
await Promise.all([worker(), worker(), worker()]);
console.log(`${programs.length} programs from ${goroot}/test, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${'flags'.padEnd(10)} ${'same'.padStart(6)} ${'not modeled'.padStart(12)} ${'wrong'.padStart(6)} ${'go failed'.padStart(10)}`);
for (const [flags, tally] of counts) {
  console.log(`${flags.padEnd(10)} ${String(tally.same).padStart(6)} ${String(tally.notModeled).padStart(12)} ${String(tally.wrong).padStart(6)} ${String(tally.goFailed).padStart(10)}`);
}
if (args.includes('--reasons')) {
  console.log('\nnot modeled, most frequent reasons:');
  for (const [key, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(count).padStart(5)}  ${key.replace('\t', '  ')}`);
}
writeFileSync(outFile, `${wrong.sort().join('\n')}\n`);
if (args.includes('--write')) {
  if (only !== '' || flagSets.join(',') !== '-m,-m -l,-m=2 -l') throw new Error('--write records full runs only (no --only, default --flags)');
  const goVersion = execFileSync('go', ['env', 'GOVERSION']).toString().trim();
  const record = {
    goVersion,
    programs: programs.length,
    counts: Object.fromEntries(counts),
    wrong: wrongPairs.sort((a, b) => a.program.localeCompare(b.program) || a.flags.localeCompare(b.flags)),
  };
  const target = fileURLToPath(new URL('../src/data/differential.json', import.meta.url));
  writeFileSync(target, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
console.log(`${wrong.length} wrong (program, flags) pairs, listed in ${outFile}`);
