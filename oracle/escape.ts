/**
 * Escape snapshots: each Go source is copied alone, under its own basename, into a fresh module
 * and compiled as by `go build -gcflags=<flags> .` for every flag set; the compiler's lines are kept
 * verbatim except for cmd/go's `# module` header and the leading `./` of each position.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { escapeFlagSets, type EscapeRun, type EscapeSnapshot } from '../src/data/oracle/snapshots.ts';
import { readDirectives, readSource, sha256Hex } from './sources.ts';
import { runGo } from './toolchain.ts';

/** The go.mod of every temporary module: the language version decides loop-variable semantics. */
export const snippetModule = 'module example.com/snippet\n\ngo 1.26\n';

/**
 * The go command that compiles the module's package with `flags`. `go list -export` runs the very
 * compile action `go build -gcflags=<flags> .` runs (same action, same cache entry, same output)
 * but skips linking, which would otherwise cost more than the compile; oracle/README.md says how
 * the two were compared.
 */
export function compileCommand(flags: string): string[] {
  return ['list', '-export', '-f', '{{with .Error}}{{end}}', `-gcflags=${flags}`, '.'];
}

/** A snapshot, or the reason the source cannot have one. */
export type EscapeOutcome = { snapshot: EscapeSnapshot } | { problem: string };

/** Builds one source (repository-relative path) with each flag set and returns its snapshot. */
export async function snapshotEscape(sourcePath: string, goVersion: string): Promise<EscapeOutcome> {
  const bytes = readSource(sourcePath);
  const directives = readDirectives(bytes.toString('utf8'));
  const module = mkdtempSync(join(tmpdir(), 'oracle-snippet-'));
  try {
    writeFileSync(join(module, 'go.mod'), snippetModule);
    writeFileSync(join(module, basename(sourcePath)), bytes);
    const runs: EscapeRun[] = [];
    for (const flags of escapeFlagSets) {
      const result = await runGo(compileCommand(flags), module);
      runs.push({ flags, exitCode: result.exitCode, lines: compilerLines(result.output) });
      if (result.exitCode !== 0 && !directives.compileError) {
        return { problem: `${sourcePath} does not compile (go build -gcflags='${flags}'), and it has no "// oracle: compile-error" header:\n  ${compilerLines(result.output).join('\n  ')}` };
      }
      if (result.exitCode === 0 && directives.compileError) {
        return { problem: `${sourcePath} is marked "// oracle: compile-error" but compiles (go build -gcflags='${flags}')` };
      }
    }
    const snapshot: EscapeSnapshot = {
      schema: 1,
      goVersion,
      source: sourcePath,
      sha256: sha256Hex(bytes),
      runs,
    };
    return { snapshot };
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
}

/** Drops cmd/go's `# example.com/snippet` header and the `./` before each file name. */
export function compilerLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('# '))
    .map((line) => (line.startsWith('./') ? line.slice(2) : line));
}

/** The JSON text written for a snapshot (stable formatting, trailing newline). */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
