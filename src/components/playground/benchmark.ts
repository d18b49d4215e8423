/**
 * "Copy as Go benchmark": a `main_test.go` the reader saves next to their program to check
 * the playground's allocation counts with the real toolchain.
 */
import type { AnalysisFlags, FunctionSummary } from '../../sim/api.ts';

/** Top-level functions declared without parameters, which the test can call as they are. */
function parameterlessFunctions(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/^func\s+([A-Za-z_]\w*)\s*\(\s*\)/gm)) names.add(match[1]!);
  return names;
}

/** Top-level plain functions (no methods), in source order. */
function declaredFunctions(source: string): string[] {
  return [...source.matchAll(/^func\s+([A-Za-z_]\w*)\s*[[(]/gm)].map((match) => match[1]!);
}

function exportedName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The test file: one `testing.AllocsPerRun` test and one benchmark per top-level function
 * (except main and init), with the playground's prediction beside each when it has one.
 */
export function goBenchmarkFile(source: string, flags: AnalysisFlags, functions: FunctionSummary[] = []): string {
  const callable = parameterlessFunctions(source);
  const predictions = new Map(functions.map((summary) => [summary.name, summary]));
  const names = declaredFunctions(source).filter((name) => name !== 'main' && name !== 'init' && name !== '_');
  const gcflags = flags.noInline ? ' -gcflags=-l' : '';
  const lines = [
    'package main',
    '',
    '// Save this file as main_test.go next to your program and run:',
    '//',
    `//\tgo test${gcflags} -bench . -benchmem`,
    '//',
    '// allocs/op and B/op are what the real runtime measured; the TestAllocs functions fail',
    '// when the count differs from the playground\'s prediction.',
    '',
    'import "testing"',
  ];
  if (names.length === 0) {
    lines.push('', '// The program declares no functions besides main; move the code to measure into one.');
  }
  for (const name of names) {
    const title = exportedName(name);
    const prediction = predictions.get(name);
    lines.push('');
    if (!callable.has(name)) {
      lines.push(`// ${name} takes parameters: call it with the arguments you want to measure.`);
      lines.push(`// func Benchmark${title}(b *testing.B) { for b.Loop() { ${name}(/* arguments */) } }`);
      continue;
    }
    // Calling through a variable keeps the call from being inlined into the test, which
    // could change what escapes.
    lines.push(`var call${title} = ${name}`, '');
    lines.push(`func Benchmark${title}(b *testing.B) {`, '\tfor b.Loop() {', `\t\tcall${title}()`, '\t}', '}');
    if (prediction !== undefined) {
      const comparison = prediction.exact ? '!=' : '<';
      lines.push(
        '',
        `func TestAllocs${title}(t *testing.T) {`,
        `\tconst predicted = ${prediction.heapAllocationsPerCall} // heap allocations per call${prediction.exact ? '' : ' (at least)'}, ${prediction.heapBytesPerCall} B`,
        `\tif got := testing.AllocsPerRun(100, func() { call${title}() }); got ${comparison} predicted {`,
        `\t\tt.Errorf("${name}: %v allocations per call, the playground predicted ${prediction.exact ? '' : 'at least '}%d", got, predicted)`,
        '\t}',
        '}',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
