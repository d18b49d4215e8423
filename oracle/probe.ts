/**
 * sizes.json and allocs.json: measured at run time by a program that oracle/probe/main.go
 * generates from the sources (one package per source, one `go run` for all of them).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AllocationMeasure, AllocsSnapshot, SizesSnapshot, TypeLayout } from '../src/data/oracle/snapshots.ts';
import { formatJson } from './escape.ts';
import { readDirectives, readSource, repositoryRoot } from './sources.ts';
import { runGo } from './toolchain.ts';

/** What the generated program prints for one source. */
interface ProbeResult {
  /** Layout of each package-level named type. */
  types: Record<string, TypeLayout>;
  /** Figures of each function named in `// oracle: allocs`. */
  allocs: Record<string, AllocationMeasure>;
}

/** Which sources are probed, and for what. */
interface ProbePlan {
  /** Source path. */
  source: string;
  /** Whether its types go into sizes.json (fixtures only). */
  sizes: boolean;
  /** Functions to measure. */
  allocs: string[];
}

function planProbes(sources: string[]): ProbePlan[] {
  const plans: ProbePlan[] = [];
  for (const source of sources) {
    const directives = readDirectives(readSource(source).toString('utf8'));
    if (directives.compileError) continue;
    const sizes = source.startsWith('test/fixtures/');
    if (sizes || directives.allocs.length > 0) plans.push({ source, sizes, allocs: directives.allocs });
  }
  return plans;
}

/** Replaces the probe's package folders (p000/, p001/, ...) in go's messages by the sources' folders. */
function namedAfterSources(output: string, plans: ProbePlan[]): string {
  return output.replace(/\bp(\d+)\//g, (folder, index: string) => {
    const source = plans[Number(index)]?.source;
    return source === undefined ? folder : `${dirname(source)}/`;
  });
}

/** Writes `outFolder/sizes.json` and `outFolder/allocs.json`; returns the problems found. */
export async function generateProbes(sources: string[], outFolder: string, goVersion: string): Promise<string[]> {
  const plans = planProbes(sources);
  const module = mkdtempSync(join(tmpdir(), 'oracle-probe-'));
  let measured: Record<string, ProbeResult>;
  try {
    const argumentsForSources = plans.map((plan) => {
      const path = join(repositoryRoot, plan.source);
      return plan.allocs.length === 0 ? path : `${path}=${plan.allocs.join(',')}`;
    });
    const generated = await runGo(['run', '.', '-out', module, ...argumentsForSources], join(repositoryRoot, 'oracle/probe'));
    if (generated.exitCode !== 0) return [`oracle/probe failed:\n${generated.output}`];
    const run = await runGo(['run', '.'], module);
    if (run.exitCode !== 0) return [`the size and allocation probe failed to build or run:\n${namedAfterSources(run.output, plans)}`];
    measured = JSON.parse(run.output) as Record<string, ProbeResult>;
  } finally {
    rmSync(module, { recursive: true, force: true });
  }

  const sizes: SizesSnapshot = { goVersion, goarch: 'amd64', types: {} };
  const allocs: AllocsSnapshot = { goVersion, results: {} };
  for (const plan of plans) {
    const result = measured[join(repositoryRoot, plan.source)];
    if (result === undefined) return [`the probe printed nothing for ${plan.source}`];
    if (plan.sizes && Object.keys(result.types).length > 0) sizes.types[plan.source] = result.types;
    if (plan.allocs.length > 0) allocs.results[plan.source] = result.allocs;
  }
  mkdirSync(outFolder, { recursive: true });
  writeFileSync(join(outFolder, 'sizes.json'), formatJson(sizes));
  writeFileSync(join(outFolder, 'allocs.json'), formatJson(allocs));
  return [];
}
