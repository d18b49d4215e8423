/**
 * facts.json: stable facts about the runtime that compiler output and allocation counts cannot
 * show (which map operations evacuate, what concurrent deletes do, when deleted values and
 * finalized wrappers become collectable). Each program under oracle/facts/ is built with each
 * toolchain it is meant for and run; it prints `{"facts":[{name, says, value}]}`, recorded
 * verbatim with the toolchain's version and a digest of the program's files.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { factsPath, programDigest, type FactsRecord, type FactsSnapshot, type RuntimeFact } from '../src/data/oracle/facts.ts';
import { formatJson } from './escape.ts';
import { classicGo } from './maps/generate.ts';
import { repositoryRoot } from './sources.ts';
import { goEnvironment, withGoSlot } from './toolchain.ts';

/** The toolchains a program can be run with. */
const toolchains = {
  /** The machine's go: Swiss maps. */
  current: 'go',
  /** Debian's golang-1.19-go: classic maps. */
  classic: classicGo,
} as const;

/** A toolchain's name. */
type Toolchain = keyof typeof toolchains;

/** Every toolchain name. */
const toolchainNames = Object.keys(toolchains) as Toolchain[];

/** One probe program: a folder of package main under oracle/facts/. */
interface FactProgram {
  /** Folder name under oracle/facts/. */
  program: string;
  /** Rows of the seed claims table it checks. */
  claims: number[];
  /** The toolchains it is built and run with, newest first. */
  toolchains: Toolchain[];
}

/** Every probe program, in the order of the claims they check. */
export const factPrograms: readonly FactProgram[] = [
  // Reads the classic map header: meaningless on a Swiss-map runtime.
  { program: 'evacuation', claims: [4], toolchains: ['classic'] },
  { program: 'concurrentdelete', claims: [16], toolchains: ['current', 'classic'] },
  { program: 'releaseafterdelete', claims: [17], toolchains: ['current', 'classic'] },
  { program: 'finalizers', claims: [19], toolchains: ['current', 'classic'] },
];

/** The Go module holding the programs. */
const moduleFolder = join(repositoryRoot, 'oracle/facts');

/** Longest a program may run; each stops itself well before (at most about twenty seconds). */
const runTimeoutMs = 120_000;

/** What a finished process wrote, and how it ended. */
interface ProcessResult {
  /** Exit code, or -1 when killed (timeout or signal). */
  exitCode: number;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

function runProcess(command: string, args: string[], directory: string, timeoutMs?: number): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: directory, env: goEnvironment, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ exitCode: -1, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

/** The program's Go files, repo-relative and sorted. */
function programFiles(program: string): string[] {
  return readdirSync(join(moduleFolder, program))
    .filter((name) => name.endsWith('.go'))
    .sort()
    .map((name) => `oracle/facts/${program}/${name}`);
}

/** Checks the shape of what a program printed; returns the facts or a problem. */
function parseFacts(stdout: string): RuntimeFact[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return `printed no JSON: ${stdout.slice(0, 200)}`;
  }
  const facts = (parsed as { facts?: unknown }).facts;
  if (!Array.isArray(facts) || facts.length === 0) return 'printed no facts';
  for (const fact of facts as Record<string, unknown>[]) {
    const valueType = typeof fact.value;
    if (typeof fact.name !== 'string' || typeof fact.says !== 'string' || !['boolean', 'number', 'string'].includes(valueType)) {
      return `malformed fact ${JSON.stringify(fact)}`;
    }
  }
  return facts as RuntimeFact[];
}

/** Builds and runs every program with one toolchain; returns its records and problems. */
async function runWith(toolchain: Toolchain, programs: FactProgram[], binaries: string): Promise<{ goVersion: string; records: FactsRecord[]; problems: string[] }> {
  const go = toolchains[toolchain];
  const records: FactsRecord[] = [];
  const problems: string[] = [];
  const version = await withGoSlot(() => runProcess(go, ['env', 'GOVERSION'], moduleFolder));
  if (version.exitCode !== 0) return { goVersion: '', records, problems: [`facts: ${go} is not usable (${version.stderr.trim()}); the ${toolchain} toolchain is needed`] };
  const goVersion = version.stdout.trim();
  for (const { program, claims } of programs) {
    const binary = join(binaries, `${program}-${toolchain}`);
    const build = await withGoSlot(() => runProcess(go, ['build', '-o', binary, `./${program}`], moduleFolder));
    if (build.exitCode !== 0) {
      problems.push(`facts: ${program} does not build with ${goVersion}:\n${build.stderr}`);
      continue;
    }
    const run = await withGoSlot(() => runProcess(binary, [], binaries, runTimeoutMs));
    const facts = run.exitCode === 0 ? parseFacts(run.stdout) : `exit status ${run.exitCode}: ${run.stderr.slice(0, 400)}`;
    if (typeof facts === 'string') {
      problems.push(`facts: ${program} with ${goVersion}: ${facts}`);
      continue;
    }
    const files = programFiles(program);
    records.push({ program, claims, files, sha256: programDigest(repositoryRoot, files), goVersion, facts });
  }
  return { goVersion, records, problems };
}

/** Writes `outFolder/facts.json`; returns the problems found (nothing is written if any). */
export async function generateFacts(outFolder: string): Promise<string[]> {
  const binaries = mkdtempSync(join(tmpdir(), 'oracle-facts-'));
  try {
    // The two toolchains run side by side; each runs its programs one after the other.
    const results = await Promise.all(
      toolchainNames.map((toolchain) =>
        runWith(toolchain, factPrograms.filter((program) => program.toolchains.includes(toolchain)), binaries),
      ),
    );
    const problems = results.flatMap((result) => result.problems);
    if (problems.length > 0) return problems;
    // Programs in oracle order, each with its toolchains in its listed order.
    const found = results.flatMap((result) => result.records);
    const records = factPrograms.flatMap((program) =>
      program.toolchains.map((toolchain) => found.find((record) => record.program === program.program && record.goVersion === results[toolchainNames.indexOf(toolchain)]!.goVersion)!),
    );
    const snapshot: FactsSnapshot = { schema: 1, records };
    mkdirSync(outFolder, { recursive: true });
    writeFileSync(join(outFolder, factsPath.slice('src/data/oracle/'.length)), formatJson(snapshot));
    return [];
  } finally {
    rmSync(binaries, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const problems = await generateFacts(process.argv[2] ?? join(repositoryRoot, 'src/data/oracle'));
  for (const problem of problems) console.error(`oracle: ${problem}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
