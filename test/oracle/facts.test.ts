/**
 * src/data/oracle/facts.json (no Go needed): one record per probe program and toolchain, each
 * made from the program's current files, with only stable values (booleans, whole counts,
 * messages) so that `node oracle/run.ts --check` can compare it byte for byte.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factPrograms } from '../../oracle/facts.ts';
import { repositoryRoot } from '../../oracle/sources.ts';
import { checkFresh, loadFacts, programDigest } from '../../src/data/oracle/facts.ts';
import { loadEscapeSnapshot } from '../../src/data/oracle/snapshots.ts';

const snapshot = loadFacts(repositoryRoot);

describe('facts.json', () => {
  it('has schema 1 and one record per program and toolchain, in oracle order', () => {
    expect(snapshot.schema).toBe(1);
    const expected = factPrograms.flatMap((program) => program.toolchains.map((toolchain) => `${program.program} ${toolchain}`));
    const recorded = snapshot.records.map((record) => `${record.program} ${record.goVersion.startsWith('go1.19') ? 'classic' : 'current'}`);
    expect(recorded).toEqual(expected);
  });

  it('records the current toolchain with the escape snapshots’ version, the classic one with Go 1.19', () => {
    const escape = loadEscapeSnapshot('test/fixtures/escape/return-pointer.go');
    expect(escape).toBeDefined();
    const current = escape!.goVersion;
    for (const record of snapshot.records) expect([current, expect.stringMatching(/^go1\.19\./)]).toContainEqual(record.goVersion);
  });

  it.each(snapshot.records.map((record) => [`${record.program} ${record.goVersion}`, record] as const))('%s was made from the program as it is now', (_, record) => {
    const folder = join(repositoryRoot, 'oracle/facts', record.program);
    const files = readdirSync(folder).filter((name) => name.endsWith('.go')).sort().map((name) => `oracle/facts/${record.program}/${name}`);
    expect(record.files).toEqual(files);
    expect(record.sha256).toBe(programDigest(repositoryRoot, files));
    expect(() => checkFresh(record, repositoryRoot)).not.toThrow();
    expect(record.claims).toEqual(factPrograms.find((program) => program.program === record.program)!.claims);
  });

  it('holds only stable values: booleans, whole numbers and one-line messages, each name once per record', () => {
    for (const record of snapshot.records) {
      expect(record.facts.length).toBeGreaterThan(0);
      expect(new Set(record.facts.map((fact) => fact.name)).size).toBe(record.facts.length);
      for (const fact of record.facts) {
        expect(fact.says.length).toBeGreaterThan(0);
        if (typeof fact.value === 'number') expect(Number.isInteger(fact.value)).toBe(true);
        else if (typeof fact.value === 'string') expect(fact.value).not.toContain('\n');
        else expect(typeof fact.value).toBe('boolean');
      }
    }
  });
});
