/**
 * Types of src/data/oracle/facts.json: what small probe programs (oracle/facts/) observed when
 * they ran on the real runtimes, recorded by `node oracle/run.ts` (see oracle/README.md), and
 * the helpers the site and the tests use to read it. Only stable facts are recorded (booleans,
 * counts, messages), never timings, so a drift check can compare the file byte for byte.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the facts are committed, relative to the repository root. */
export const factsPath = 'src/data/oracle/facts.json';

/** One observation of a probe program. */
export interface RuntimeFact {
  /** Stable identifier the page and the tests look the fact up by. */
  name: string;
  /** What was observed, in words (the program's own sentence), without the value. */
  says: string;
  /** The value observed: a boolean, a count or a message. */
  value: boolean | number | string;
}

/** One probe program run with one toolchain. */
export interface FactsRecord {
  /** The program's folder name under oracle/facts/, e.g. `concurrentdelete`. */
  program: string;
  /** The seed claims (rows of the claims table) the program checks. */
  claims: number[];
  /** The program's Go files, repo-relative, sorted. */
  files: string[];
  /** `programDigest` of those files when the record was made. */
  sha256: string;
  /** `go env GOVERSION` of the toolchain that built and ran it, e.g. "go1.19.8". */
  goVersion: string;
  /** What it printed, in its order. */
  facts: RuntimeFact[];
}

/** The whole file. */
export interface FactsSnapshot {
  /** Format version of this file. */
  schema: 1;
  /** One record per (program, toolchain), programs in oracle order, newest toolchain first. */
  records: FactsRecord[];
}

/** Hex SHA-256 over a program's files (each as its path, a NUL, its bytes, a NUL). */
export function programDigest(root: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

/** Reads facts.json under `root`. */
export function loadFacts(root: string): FactsSnapshot {
  return JSON.parse(readFileSync(join(root, factsPath), 'utf8')) as FactsSnapshot;
}

/** The records of `program`, newest toolchain first; throws when there is none. */
export function recordsOf(snapshot: FactsSnapshot, program: string): FactsRecord[] {
  const records = snapshot.records.filter((record) => record.program === program);
  if (records.length === 0) throw new Error(`${factsPath} has no record of oracle/facts/${program}; run node oracle/run.ts`);
  return records;
}

/** The value of fact `name` in `record`; throws when the program did not report it. */
export function factValue(record: FactsRecord, name: string): RuntimeFact['value'] {
  const fact = record.facts.find((candidate) => candidate.name === name);
  if (fact === undefined) throw new Error(`oracle/facts/${record.program} (${record.goVersion}) reported no fact named ${name}`);
  return fact.value;
}

/** Throws unless `record` was made from the program's files as they are now under `root`. */
export function checkFresh(record: FactsRecord, root: string): void {
  if (programDigest(root, record.files) !== record.sha256) {
    throw new Error(`oracle/facts/${record.program} changed since ${factsPath} was recorded; run node oracle/run.ts`);
  }
}
