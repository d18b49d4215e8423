/**
 * `node oracle/run.ts [--check | --record | --stdlib | --help | PATH...]`: regenerates the oracle snapshots in
 * src/data/oracle/ with the real Go toolchain.
 *
 *   (no arguments)  everything: escape snapshots of every Go source, stdlib.json, sizes.json,
 *                   allocs.json, facts.json, and maps/ (when oracle/maps/generate.ts exists) except
 *                   maps/recorded/
 *   PATH...         only the escape snapshots of the Go files in those files or folders
 *   --stdlib        only stdlib.json (std functions' tags and std types' layouts)
 *   --record        everything, including the seed-dependent maps/recorded/
 *   --check         regenerates everything deterministic into a temporary folder and exits 1 if it
 *                   differs from what is committed; without `go`, or with a go version other than
 *                   the snapshots', skips that comparison and only checks each source's sha256
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeFlagSets, escapeSnapshotPath, type EscapeSnapshot } from '../src/data/oracle/snapshots.ts';
import { compareFolders, listManagedFiles } from './compare.ts';
import { formatJson, snapshotEscape } from './escape.ts';
import { generateFacts } from './facts.ts';
import { generateProbes } from './probe.ts';
import { listAllSources, readSource, repositoryRoot, resolveSourceArguments, sha256Hex } from './sources.ts';
import { generateStdlib } from './stdlib.ts';
import { installedGoVersion } from './toolchain.ts';

/** The committed snapshot folder. */
const oracleFolder = join(repositoryRoot, 'src/data/oracle');

/** The map runtime probes' entry point, owned by their own module when present. */
const mapsGenerator = join(repositoryRoot, 'oracle/maps/generate.ts');

/** Parsed command line. */
interface Options {
  /** --check: compare instead of write. */
  check: boolean;
  /** --record: also regenerate maps/recorded/. */
  record: boolean;
  /** --stdlib: only regenerate stdlib.json. */
  stdlib: boolean;
  /** Files or folders whose escape snapshots to regenerate (empty: everything). */
  paths: string[];
}

function parseOptions(argv: string[]): Options | string {
  const options: Options = { check: false, record: false, stdlib: false, paths: [] };
  for (const argument of argv) {
    if (argument === '--check') options.check = true;
    else if (argument === '--record') options.record = true;
    else if (argument === '--stdlib') options.stdlib = true;
    else if (argument.startsWith('-')) return `unknown flag ${argument}`;
    else options.paths.push(argument);
  }
  if (options.check && (options.record || options.paths.length > 0)) return '--check takes no other arguments';
  if (options.record && options.paths.length > 0) return '--record regenerates everything; it takes no paths';
  if (options.stdlib && (options.check || options.record || options.paths.length > 0)) return '--stdlib takes no other arguments';
  return options;
}

/** Writes the escape snapshots of `sources` under `outFolder/escape/`; returns the problems found. */
async function generateEscape(sources: string[], outFolder: string, goVersion: string): Promise<string[]> {
  const outcomes = await Promise.all(sources.map((source) => snapshotEscape(source, goVersion)));
  const problems: string[] = [];
  for (const outcome of outcomes) {
    if ('problem' in outcome) {
      problems.push(outcome.problem);
      continue;
    }
    const target = join(outFolder, escapeSnapshotPath(outcome.snapshot.source).slice('src/data/oracle/'.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, formatJson(outcome.snapshot));
  }
  return problems;
}

/** Regenerates everything into `outFolder` (laid out like src/data/oracle/); returns the problems found. */
async function generateEverything(outFolder: string, goVersion: string): Promise<string[]> {
  const sources = listAllSources();
  const parts: Promise<string[]>[] = [
    timed(`escape (${sources.length} sources x ${escapeFlagSets.length} flag sets)`, generateEscape(sources, outFolder, goVersion)),
    timed('stdlib', generateStdlib(outFolder, goVersion)),
    timed('sizes and allocations', generateProbes(sources, outFolder, goVersion)),
    timed('runtime facts', generateFacts(outFolder)),
  ];
  if (existsSync(mapsGenerator)) parts.push(timed('maps', generateMaps(outFolder)));
  return (await Promise.all(parts)).flat();
}

/** Prints how long a part took once it is done. */
async function timed(title: string, work: Promise<string[]>): Promise<string[]> {
  const started = Date.now();
  const problems = await work;
  console.log(`oracle:   ${title}: ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return problems;
}

/**
 * Calls `generate(outFolder)` of oracle/maps/generate.ts in a child Node process, so that its
 * synchronous work does not hold up the go commands started from this process.
 */
async function generateMaps(outFolder: string): Promise<string[]> {
  const script = `const maps = await import(${JSON.stringify(pathToFileURL(mapsGenerator).href)}); await maps.generate(${JSON.stringify(outFolder)});`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', script], { cwd: repositoryRoot, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('close', (code) => resolve(code === 0 ? [] : [`oracle/maps/generate.ts failed (exit ${code}):\n${errors}`]));
  });
}

/** The go version recorded in the committed snapshots, if any. */
function committedGoVersion(): string | undefined {
  for (const file of listManagedFiles(oracleFolder, false)) {
    if (!file.endsWith('.json') || !file.startsWith('escape/')) continue;
    return (JSON.parse(readFileSync(join(oracleFolder, file), 'utf8')) as EscapeSnapshot).goVersion;
  }
  return undefined;
}

/** Without go: each source's committed snapshot must still match its bytes. */
function staleSnapshots(): string[] {
  const stale: string[] = [];
  for (const source of listAllSources()) {
    const path = join(repositoryRoot, escapeSnapshotPath(source));
    if (!existsSync(path)) {
      stale.push(`${source}: no snapshot`);
      continue;
    }
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as EscapeSnapshot;
    if (snapshot.sha256 !== sha256Hex(readSource(source))) stale.push(`${source}: snapshot is stale (source changed)`);
  }
  return stale;
}

/** Replaces the managed files of src/data/oracle/ with those of `generated`. */
function install(generated: string, record: boolean): void {
  for (const file of listManagedFiles(oracleFolder, record)) rmSync(join(oracleFolder, file));
  for (const file of listManagedFiles(generated, record)) {
    const target = join(oracleFolder, file);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(generated, file), target);
  }
  removeEmptyFolders(join(oracleFolder, 'escape'));
}

function removeEmptyFolders(folder: string): boolean {
  if (!existsSync(folder)) return true;
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || !removeEmptyFolders(join(folder, entry.name))) empty = false;
  }
  if (empty) rmSync(folder, { recursive: true });
  return empty;
}

function report(problems: string[]): void {
  for (const problem of problems) console.error(`oracle: ${problem}`);
}

async function main(argv: string[]): Promise<number> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  if (argv.includes('--help')) {
    // The module comment above is the manual.
    const manual = readFileSync(new URL(import.meta.url), 'utf8').split('\n */')[0] ?? '';
    console.log(manual.replace(/^\/\*\*\n?/, '').replace(/^ \* ?/gm, ''));
    return 0;
  }
  const options = parseOptions(argv);
  if (typeof options === 'string') {
    console.error(`oracle: ${options}\nusage: node oracle/run.ts [--check | --record | --stdlib | --help | PATH...]`);
    return 2;
  }
  const goVersion = installedGoVersion();

  if (options.check) {
    const stale = staleSnapshots();
    if (goVersion === undefined) {
      report(stale);
      console.log('oracle: `go` is not on PATH: skipping the drift check (snapshots were not regenerated).');
      return stale.length === 0 ? 0 : 1;
    }
    const committed = committedGoVersion();
    if (committed !== undefined && committed !== goVersion) {
      report(stale);
      console.log(`oracle: installed ${goVersion} differs from the snapshots' ${committed}: skipping the drift check.`);
      return stale.length === 0 ? 0 : 1;
    }
    const scratch = mkdtempSync(join(tmpdir(), 'oracle-check-'));
    try {
      const problems = await generateEverything(scratch, goVersion);
      report(problems);
      const differences = compareFolders(oracleFolder, scratch);
      for (const difference of differences) console.error(difference);
      const ok = problems.length === 0 && differences.length === 0;
      console.log(
        ok
          ? `oracle: no drift: ${listManagedFiles(scratch, false).length} files regenerated with ${goVersion} match the committed snapshots (${elapsed()})`
          : `oracle: DRIFT: ${differences.length} file(s) differ, ${problems.length} problem(s); run \`node oracle/run.ts\` and review the diff (${elapsed()})`,
      );
      return ok ? 0 : 1;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  if (goVersion === undefined) {
    console.error('oracle: `go` is not on PATH; the snapshots can only be regenerated with the real toolchain.');
    return 1;
  }

  if (options.stdlib) {
    const problems = await generateStdlib(oracleFolder, goVersion);
    report(problems);
    console.log(problems.length === 0 ? `oracle: stdlib.json written with ${goVersion} (${elapsed()})` : 'oracle: stdlib.json was not written');
    return problems.length === 0 ? 0 : 1;
  }

  if (options.paths.length > 0) {
    const resolved = resolveSourceArguments(options.paths);
    if ('error' in resolved) {
      console.error(`oracle: ${resolved.error}`);
      return 2;
    }
    const problems = await generateEscape(resolved.sources, oracleFolder, goVersion);
    report(problems);
    console.log(`oracle: ${resolved.sources.length - problems.length} of ${resolved.sources.length} escape snapshot(s) written with ${goVersion} (${elapsed()})`);
    return problems.length === 0 ? 0 : 1;
  }

  const scratch = mkdtempSync(join(tmpdir(), 'oracle-all-'));
  try {
    const problems = await generateEverything(scratch, goVersion);
    report(problems);
    if (problems.length > 0) {
      console.error(`oracle: ${problems.length} problem(s); nothing was written (${elapsed()})`);
      return 1;
    }
    install(scratch, options.record);
    console.log(`oracle: ${listManagedFiles(oracleFolder, options.record).length} files written with ${goVersion} (${elapsed()})`);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
