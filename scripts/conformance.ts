/**
 * `npm run conformance`: runs the simulator over Go's own escape-analysis tests
 * (`$(go env GOROOT)/test/escape*.go` whose header asks for `-m`, plus a few fixedbugs files)
 * and scores it with the Go test runner's errorcheck rules:
 * - each quoted regexp of a `// ERROR "re1" "re2"` comment must match at least one printed
 *   line reported on that source line (`LINE`, `LINE+n`, `LINE-n` expand to `file:n`);
 *   every line it matches is consumed;
 * - every printed line must be consumed by some regexp of its line ("stray" otherwise);
 * - a line containing `////` has no expectations.
 * Prints a per-file table and totals, and writes src/data/conformance.json for the site.
 *
 * Usage: node scripts/conformance.ts [-v] [--toolchain] [--goroot DIR] [FILE.go ...]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/sim/analyze.ts';
import type { AnalysisFlags } from '../src/sim/api.ts';

/** One expectation: a regexp that must match a line printed for `line`. */
interface Wanted {
  /** Source line of the comment. */
  line: number;
  /** The regexp as written (after LINE expansion). */
  source: string;
  /** The compiled regexp. */
  pattern: RegExp;
}

/** The score of one file. */
export interface FileScore {
  /** File name relative to `$GOROOT/test`. */
  file: string;
  /** Compiler flags from the header. */
  flags: string;
  /** Number of expected regexps. */
  annotations: number;
  /** Regexps matched by some printed line. */
  matched: number;
  /** Regexps no printed line matched. */
  missing: number;
  /** Printed lines no regexp consumed. */
  stray: number;
  /** Lines printed by the simulator. */
  printed: number;
  /** `ok`, or why the simulator produced no lines (`not modeled: ...`, compile error). */
  status: string;
}

const extraFiles = ['fixedbugs/issue12006.go', 'fixedbugs/issue13799.go', 'fixedbugs/issue31573.go'];

/** The Go test files the conformance run covers, relative to `$GOROOT/test`. */
export function conformanceFiles(testDir: string): string[] {
  const listing = execFileSync('ls', [testDir], { encoding: 'utf8' }).split('\n');
  const escapeFiles = listing.filter((name) => /^escape.*\.go$/.test(name));
  return [...escapeFiles, ...extraFiles].filter((name) => headerFlags(readFileSync(join(testDir, name), 'utf8')) !== undefined);
}

/** The compiler flags of an `// errorcheck` header that asks for `-m`, or undefined. */
export function headerFlags(source: string): string[] | undefined {
  const first = source.split('\n', 1)[0] ?? '';
  const match = /^\/\/ errorcheck(.*)$/.exec(first);
  if (match === null) return undefined;
  const flags = (match[1] ?? '').trim().split(/\s+/).filter((flag) => flag !== '' && flag !== '-0');
  if (!flags.some((flag) => flag === '-m' || flag.startsWith('-m='))) return undefined;
  return flags;
}

/** The expectations of a file, as the Go test runner reads them. */
export function wantedErrors(source: string, shortName: string): Wanted[] {
  const wanted: Wanted[] = [];
  source.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (text.includes('////')) return;
    const comment = /\/\/ (?:GC_)?ERROR (.*)/.exec(text);
    if (comment === null) return;
    for (const quoted of (comment[1] ?? '').matchAll(/"([^"]*)"/g)) {
      const expanded = (quoted[1] ?? '').replace(/LINE(([+-])(\d+))?/g, (_all, _delta, sign: string | undefined, digits: string | undefined) => {
        let target = line;
        if (sign === '+') target += Number(digits);
        if (sign === '-') target -= Number(digits);
        return `${shortName}:${target}`;
      });
      wanted.push({ line, source: expanded, pattern: new RegExp(expanded) });
    }
  });
  return wanted;
}

/** Whether printed line `text` is reported on `prefix` (`file:line`), as the Go test runner decides. */
function matchPrefix(text: string, prefix: string): boolean {
  const colon = text.indexOf(':');
  if (colon < 0) return false;
  const slash = text.lastIndexOf('/', colon);
  const rest = text.slice(slash + 1);
  if (rest.length <= prefix.length || !rest.startsWith(prefix)) return false;
  const next = rest[prefix.length];
  return next === ':' || next === '[';
}

/** Scores printed lines against a file's expectations. */
export function score(printed: string[], wanted: Wanted[], shortName: string): { matched: number; missing: number; stray: number; missingList: string[]; strayList: string[] } {
  let out = [...printed];
  let matched = 0;
  const missingList: string[] = [];
  for (const want of wanted) {
    const prefix = `${shortName}:${want.line}`;
    const candidates = out.filter((text) => matchPrefix(text, prefix));
    out = out.filter((text) => !matchPrefix(text, prefix));
    let ok = false;
    for (const candidate of candidates) {
      const space = candidate.indexOf(' ');
      const message = space >= 0 ? candidate.slice(space + 1) : candidate;
      if (want.pattern.test(message)) ok = true;
      else out.push(candidate);
    }
    if (ok) matched++;
    else missingList.push(`${prefix}: ${JSON.stringify(want.source)}`);
  }
  // Lines about other files (generic instantiations from the standard library) are not checked.
  out = out.filter((text) => text.startsWith(`${shortName}:`) || text.includes(`/${shortName}:`));
  return { matched, missing: wanted.length - matched, stray: out.length, missingList, strayList: out };
}

/** Runs the simulator on one test file and scores it. */
export async function scoreFile(testDir: string, name: string, verbose: boolean, goBinary?: string): Promise<FileScore> {
  const source = readFileSync(join(testDir, name), 'utf8');
  const flags = headerFlags(source) ?? [];
  const shortName = basename(name);
  const wanted = wantedErrors(source, shortName);
  const analysisFlags: AnalysisFlags = {
    m: flags.includes('-m=2') ? 2 : 1,
    noInline: flags.includes('-l'),
  };
  const debug = flags.find((flag) => flag.startsWith('-d='))?.slice(3).split(',') ?? [];
  // zerocopy is on by default in the modelled version.
  const knownDebug = debug.every((name) => name === 'escapemutationscalls' || name === 'zerocopy');
  const unsupported = flags.filter((flag) => flag !== '-m' && flag !== '-m=2' && flag !== '-l' && flag !== '-N' && !(flag.startsWith('-d=') && knownDebug));
  let printed: string[] = [];
  let status = 'ok';
  if (goBinary !== undefined) {
    printed = toolchainLines(goBinary, testDir, name, flags);
  } else if (unsupported.length > 0) {
    status = `not modeled: compiler flags ${unsupported.join(' ')}`;
  } else {
    // The Go test runner compiles with `go tool compile` (no -complete): body-less declarations are allowed.
    const result = await analyze({
      source,
      fileName: shortName,
      flags: analysisFlags,
      allowBodylessFunctions: true,
      escapeMutationsCalls: debug.includes('escapemutationscalls'),
    });
    if (result.kind === 'ok') printed = result.lines;
    else status = `${result.kind === 'notModeled' ? '' : 'compile error: '}${result.diagnostics[0]?.message ?? result.kind}`;
  }
  const result = score(printed, wanted, shortName);
  if (verbose) {
    for (const missing of result.missingList) console.log(`  missing ${missing}`);
    for (const stray of result.strayList) console.log(`  stray   ${stray}`);
  }
  return {
    file: name,
    flags: flags.join(' '),
    annotations: wanted.length,
    matched: result.matched,
    missing: result.missing,
    stray: result.stray,
    printed: printed.length,
    status,
  };
}

/** What the real compiler prints for the file, run as the Go test runner runs it (no columns). */
function toolchainLines(goBinary: string, testDir: string, name: string, flags: string[]): string[] {
  const work = toolchainWorkDir(goBinary);
  let output: string;
  try {
    // The object goes to a scratch file: the compiler deletes its output file when compilation fails.
    const args = ['tool', 'compile', '-p=p', '-d=panic', '-C', '-e', `-importcfg=${work}/importcfg`, '-o', `${work}/a.o`];
    output = execFileSync(goBinary, [...args, ...flags, name], {
      cwd: testDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  return output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#') && !line.startsWith('<autogenerated>') && !line.startsWith('\t'));
}

let scratch: string | undefined;

/** A scratch directory holding an importcfg for the standard library (as the Go test runner makes). */
function toolchainWorkDir(goBinary: string): string {
  if (scratch !== undefined) return scratch;
  scratch = mkdtempSync(join(tmpdir(), 'conformance-'));
  const importcfg = execFileSync(goBinary, ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(join(scratch, 'importcfg'), importcfg);
  return scratch;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('-v');
  // --toolchain scores the real compiler instead of the simulator: a check of this script.
  const useToolchain = args.includes('--toolchain');
  const gorootIndex = args.indexOf('--goroot');
  const goroot = gorootIndex >= 0 ? (args[gorootIndex + 1] ?? '') : execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  const goVersion = execFileSync(join(goroot, 'bin', 'go'), ['version'], { encoding: 'utf8' }).trim().split(' ')[2] ?? 'unknown';
  const testDir = join(goroot, 'test');
  const named = args.filter((arg, index) => arg.endsWith('.go') && args[index - 1] !== '--goroot');
  const files = named.length > 0 ? named : conformanceFiles(testDir);
  const scores: FileScore[] = [];
  for (const file of files) {
    if (verbose) console.log(file);
    scores.push(await scoreFile(testDir, file, verbose, useToolchain ? join(goroot, 'bin', 'go') : undefined));
  }
  const total = scores.reduce(
    (sum, s) => ({ annotations: sum.annotations + s.annotations, matched: sum.matched + s.matched, missing: sum.missing + s.missing, stray: sum.stray + s.stray, printed: sum.printed + s.printed }),
    { annotations: 0, matched: 0, missing: 0, stray: 0, printed: 0 },
  );
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  console.log(`${'file'.padEnd(34)} ${pad('annot', 6)} ${pad('match', 6)} ${pad('miss', 6)} ${pad('stray', 6)}  status`);
  for (const s of scores) {
    console.log(`${s.file.padEnd(34)} ${pad(s.annotations, 6)} ${pad(s.matched, 6)} ${pad(s.missing, 6)} ${pad(s.stray, 6)}  ${s.status}`);
  }
  const percent = (part: number, whole: number) => (whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1));
  console.log(
    `${'TOTAL'.padEnd(34)} ${pad(total.annotations, 6)} ${pad(total.matched, 6)} ${pad(total.missing, 6)} ${pad(total.stray, 6)}  ` +
      `${percent(total.matched, total.annotations)}% matched, ${percent(total.stray, total.printed)}% of ${total.printed} printed lines stray`,
  );
  if (named.length === 0 && !useToolchain) {
    const report = { schema: 1, goVersion, date: new Date().toISOString().slice(0, 10), total, files: scores };
    const output = fileURLToPath(new URL('../src/data/conformance.json', import.meta.url));
    writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${output}`);
  }
}

if (import.meta.main) await main();
