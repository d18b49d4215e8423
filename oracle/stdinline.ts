/**
 * What gc does where user code calls a std function it can inline, measured with the real
 * compiler so the simulator can reproduce `-m` output without the function's body:
 *
 * - the function's inline cost, as gc prints it when building the std package with -m=2
 *   (`can inline New with cost 9 as: ...`), which a caller's own cost includes;
 * - the `inlining call to` lines one call produces, round by round (gc inlines the calls inside
 *   an inlined body in later rounds, after every call of the round before);
 * - the lines escape analysis prints at the call for values made inside the inlined body
 *   (`&errors.errorString{...} escapes to heap`), and whether each escapes always, never, or only
 *   when the caller lets a given result escape.
 *
 * Each function gets a probe package of its own with small functions that call it: results
 * stored in package variables, results dropped, one result at a time, and two calls in a row.
 * The package is compiled with `-m` and with `-m -l`; lines at the call that only appear with
 * inlining on belong to the inlined body. Anything the probes show that this summary cannot
 * express (a line elsewhere than the call, a variable moved to the heap, parameter flows that
 * differ from the function's tags once inlined, lines from std code) is recorded as the reason
 * the simulator must answer "not modeled".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StdInline, StdInlineBodyLine } from '../src/data/oracle/snapshots.ts';
import { runGo } from './toolchain.ts';

/** A std function to probe: how to call it and what it takes and returns. */
export interface ProbeTarget {
  /** stdlib.json key: `pkg.F`, `(*pkg.T).M`, `pkg.T.M`. */
  name: string;
  /** Import path of the declaring package. */
  packagePath: string;
  /** Receiver type string, for methods. */
  receiver?: string;
  /** Parameter type strings (`...T` for a variadic last parameter). */
  params: string[];
  /** Result type strings. */
  results: string[];
  /** Result names ("" for unnamed). */
  resultNames: string[];
  /** Parameter names, and the receiver's. */
  paramNames: string[];
  receiverName?: string;
  /** The function's own leak lines (built in its package), per parameter, and the receiver's. */
  paramTags: string[][];
  receiverTag?: string[];
  /** Whether gc printed `can inline` for it when building its package. */
  inlinable: boolean;
}

const probeModule = 'module example.com/probe\n\ngo 1.26\n';

/**
 * Inline costs by declaration line (`file:line`), from building `packages` with -m=2: gc
 * prints `can inline F with cost N as: ...` on the line of F's declaration.
 */
export async function inlineCosts(packages: string[], module: string): Promise<Map<string, number> | { problem: string }> {
  const build = await runGo(['build', ...packages.map((name) => `-gcflags=${name}=-m=2`), ...packages], module);
  if (build.exitCode !== 0) return { problem: `building ${packages.join(' ')} with -m=2 failed:\n${build.output.slice(0, 2000)}` };
  const costs = new Map<string, number>();
  for (const line of build.output.split('\n')) {
    const match = /^(.+?):(\d+):\d+: can inline .*? with cost (\d+) as: /.exec(line);
    if (match !== null) costs.set(`${match[1]}:${match[2]}`, Number(match[3]));
  }
  return costs;
}

/** Import paths keyed by the package names that type strings use (`json` for encoding/json). */
export function packagePathsByName(paths: Iterable<string>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const path of paths) byName.set(path.slice(path.lastIndexOf('/') + 1), path);
  return byName;
}

/** The probe package for one function, and the lines its calls sit on. */
interface Probe {
  /** probe.go. */
  source: string;
  /** Line of the call in each probe function, by role. */
  lines: { sinkAll?: number; drop: number; sinkResult: (number | undefined)[]; first: number; second: number };
  /** Lines each probe function spans (for parameter lines), first and last. */
  span: { first: number; last: number };
}

function probeSource(target: ProbeTarget, byName: Map<string, string>): Probe | { problem: string } {
  // unsafe is not in byName (no std type of it is recorded), and needs no path to find.
  const byNameWithUnsafe = new Map([...byName, ['unsafe', 'unsafe']]);
  const imports = new Set<string>([target.packagePath]);
  for (const type of [target.receiver ?? '', ...target.params, ...target.results]) {
    for (const match of type.matchAll(/\b([a-z][a-z0-9]*)\.[A-Z]/g)) {
      const path = byNameWithUnsafe.get(match[1] as string);
      if (path === undefined) return { problem: `no import path known for package ${match[1]} in ${type}` };
      imports.add(path);
    }
  }
  const packageName = target.packagePath.slice(target.packagePath.lastIndexOf('/') + 1);
  const method = /^\(?\*?[\w/]+\.\w+\)?\.(\w+)$/.exec(target.name);
  const callee = target.receiver !== undefined ? `r.${method?.[1] ?? ''}` : `${packageName}.${target.name.slice(target.name.lastIndexOf('.') + 1)}`;
  const params = [
    ...(target.receiver !== undefined ? [`r ${target.receiver}`] : []),
    ...target.params.map((type, index) => `a${index} ${type}`),
  ].join(', ');
  const args = target.params.map((type, index) => (type.startsWith('...') ? `a${index}...` : `a${index}`)).join(', ');
  const call = `${callee}(${args})`;
  const out: string[] = ['// Code generated by oracle/stdinline.ts; probes how gc inlines one std function.', 'package probe', '', 'import ('];
  for (const path of [...imports].sort()) out.push(`\t${JSON.stringify(path)}`);
  out.push(')', '');
  target.results.forEach((type, index) => out.push(`var s${index} ${type}`));
  out.push('');
  const first = out.length + 1;
  const lineOf = (text: string): number => {
    out.push(text);
    return out.length;
  };
  const sinks = (only?: number) => target.results.map((_, index) => (only === undefined || only === index ? `s${index}` : '_')).join(', ');
  let sinkAll: number | undefined;
  const sinkResult: (number | undefined)[] = [];
  if (target.results.length > 0) {
    out.push(`func sinkAll(${params}) {`);
    sinkAll = lineOf(`\t${sinks()} = ${call}`);
    out.push('}');
    if (target.results.length > 1) {
      target.results.forEach((_, index) => {
        out.push(`func sinkResult${index}(${params}) {`);
        sinkResult.push(lineOf(`\t${sinks(index)} = ${call}`));
        out.push('}');
      });
    }
  }
  out.push(`func drop(${params}) {`);
  const drop = lineOf(`\t${call}`);
  out.push('}', `func twice(${params}) {`);
  const firstCall = lineOf(`\t${call}`);
  const secondCall = lineOf(`\t${call}`);
  out.push('}');
  return { source: `${out.join('\n')}\n`, lines: { sinkAll, drop, sinkResult, first: firstCall, second: secondCall }, span: { first, last: out.length } };
}

/** A build's output split by probe package (`p17`), as cmd/go prints it under `# example.com/probe/p17`. */
function byProbePackage(output: string): Map<string, string> {
  const byPackage = new Map<string, string>();
  let current = '';
  for (const line of output.split('\n')) {
    const header = /^# example\.com\/probe\/(p\d+)$/.exec(line);
    if (header !== null) {
      current = header[1] as string;
      continue;
    }
    byPackage.set(current, `${byPackage.get(current) ?? ''}${line}\n`);
  }
  return byPackage;
}

/** One printed line of a probe build, parsed. */
interface ProbeLine {
  line: number;
  column: number;
  message: string;
}

/** Lines printed for probe.go, and whether anything was printed for other files (std code). */
function parseProbeOutput(output: string): { lines: ProbeLine[]; foreign: string[] } {
  const lines: ProbeLine[] = [];
  const foreign: string[] = [];
  for (const text of output.split('\n')) {
    if (text === '' || text.startsWith('#')) continue;
    const match = /^(?:\.\/)?(?:[\w.-]+\/)*probe\.go:(\d+):(\d+): (.*)$/.exec(text);
    if (match === null) {
      foreign.push(text);
      continue;
    }
    lines.push({ line: Number(match[1]), column: Number(match[2]), message: match[3] as string });
  }
  return { lines, foreign };
}

/**
 * A probe's output without its lines about std code when they are exactly one of the blocks
 * std-internals.json records (those are replayed for the use that makes them, wherever it is).
 */
function withoutKnownBlock(output: { lines: ProbeLine[]; foreign: string[] }, knownBlocks: string[][]): { lines: ProbeLine[]; foreign: string[] } {
  const sorted = (lines: string[]) => [...lines].sort().join('\n');
  const foreign = sorted(output.foreign);
  return knownBlocks.some((block) => sorted(block) === foreign) ? { lines: output.lines, foreign: [] } : output;
}

/** Probes every target; returns each one's summary (or why it cannot be summarised), by name. */
export async function probeStdInlining(
  targets: ProbeTarget[],
  byName: Map<string, string>,
  costByName: Map<string, number>,
  knownBlocks: string[][] = [],
): Promise<{ summaries: Map<string, StdInline>; intrinsics: Set<string> } | { problem: string }> {
  const module = mkdtempSync(join(tmpdir(), 'oracle-stdinline-'));
  const probes = new Map<string, Probe>();
  const summaries = new Map<string, StdInline>();
  const intrinsics = new Set<string>();
  try {
    writeFileSync(join(module, 'go.mod'), probeModule);
    targets.forEach((target, index) => {
      const probe = probeSource(target, byName);
      if ('problem' in probe) {
        if (target.inlinable) summaries.set(target.name, { notModeled: probe.problem });
        return;
      }
      mkdirSync(join(module, `p${index}`));
      writeFileSync(join(module, `p${index}`, 'probe.go'), probe.source);
      probes.set(target.name, probe);
    });
    // A probe the compiler rejects (a parameter type a program cannot spell, say) leaves its
    // function unsummarised: a plain build names the failing packages first.
    const probedFolders = () => targets.map((_, index) => `./p${index}`).filter((_, index) => probes.has((targets[index] as ProbeTarget).name));
    const plain = await runGo(['build', ...probedFolders()], module);
    if (plain.exitCode !== 0) {
      for (const [folder, text] of byProbePackage(plain.output)) {
        const target = targets[Number(folder.slice(1))];
        const error = text.split('\n').find((line) => line !== '');
        if (folder === '' || target === undefined || error === undefined || !probes.has(target.name)) continue;
        probes.delete(target.name);
        if (target.inlinable) summaries.set(target.name, { notModeled: `a program calling it does not compile (${error.replace(/^.*?probe\.go:\d+:\d+: /, '').slice(0, 120)})` });
      }
    }
    const folders = probedFolders();
    // One build per flag set; cmd/go prints each package's lines under a `# example.com/probe/pN` header.
    const outputs: Record<string, Map<string, string>> = {};
    for (const flags of ['-m', '-m -l', '-m=2']) {
      const build = await runGo(['build', `-gcflags=${flags}`, ...folders], module);
      if (build.exitCode !== 0) return { problem: `building the std inlining probes with ${flags} failed:\n${build.output.slice(0, 3000)}` };
      outputs[flags] = byProbePackage(build.output);
    }
    targets.forEach((target, index) => {
      const probe = probes.get(target.name);
      if (probe === undefined) return;
      // gc charges a call it compiles to machine instructions (an intrinsic) like any node: the
      // probe that only calls it then costs a few nodes, where any other call costs 57 more.
      const costLine = new RegExp(`^(?:\\./)?(?:[\\w.-]+/)*probe\\.go:${probe.lines.drop - 1}:\\d+: (?:can inline drop with cost (\\d+)|cannot inline drop: function too complex: cost (\\d+))`, 'm');
      const costMatch = costLine.exec(outputs['-m=2']?.get(`p${index}`) ?? '');
      const dropCost = costMatch === null ? undefined : Number(costMatch[1] ?? costMatch[2]);
      const inlinedInProbe = /: inlining call to /.test((outputs['-m']?.get(`p${index}`) ?? '').split('\n').filter((line) => line.includes(`probe.go:${probe.lines.drop}:`)).join('\n'));
      if (dropCost !== undefined && dropCost < 40 && !inlinedInProbe) intrinsics.add(target.name);
      if (!target.inlinable) return;
      if (intrinsics.has(target.name)) {
        summaries.set(target.name, { notModeled: 'gc compiles its calls to machine instructions (an intrinsic), never inlining them' });
        return;
      }
      const inlined = withoutKnownBlock(parseProbeOutput(outputs['-m']?.get(`p${index}`) ?? ''), knownBlocks);
      const notInlined = parseProbeOutput(outputs['-m -l']?.get(`p${index}`) ?? '');
      const cost = costByName.get(target.name);
      summaries.set(target.name, summarise(target, probe, inlined, notInlined, cost));
    });
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
  return { summaries, intrinsics };
}

/** Which result a `leaking param: p to result NAME level=L` line names. */
function resultIndexOf(line: string, target: ProbeTarget): number {
  const name = /to result (\S+) level=/.exec(line)?.[1] ?? '';
  const named = target.resultNames.indexOf(name);
  return named >= 0 ? named : Number(name.replace(/^~r/, ''));
}

/** The summary of one function's probes. */
function summarise(
  target: ProbeTarget,
  probe: Probe,
  inlined: { lines: ProbeLine[]; foreign: string[] },
  notInlined: { lines: ProbeLine[]; foreign: string[] },
  cost: number | undefined,
): StdInline {
  if (cost === undefined) return { notModeled: 'gc printed no inline cost for it' };
  if (inlined.foreign.length > 0) return { notModeled: `gc also reports std code when it is inlined (${inlined.foreign[0]?.slice(0, 160)})` };
  const callColumn = (line: number) => inlined.lines.find((entry) => entry.line === line && entry.message.startsWith('inlining call to '))?.column;
  const inliningCalls = (line: number) => inlined.lines.filter((entry) => entry.line === line && entry.message.startsWith('inlining call to ')).map((entry) => entry.message.slice('inlining call to '.length));

  // Rounds, from two calls in a row: the first call's names, then the second's, round by round.
  const single = inliningCalls(probe.lines.drop);
  if (single.length === 0) return { notModeled: 'gc did not inline it in the probe' };
  const sequence = inlined.lines.filter((entry) => (entry.line === probe.lines.first || entry.line === probe.lines.second) && entry.message.startsWith('inlining call to '));
  const rounds: string[][] = [];
  let at = 0;
  while (at < sequence.length) {
    const firstRun: string[] = [];
    while (at < sequence.length && sequence[at]?.line === probe.lines.first) firstRun.push((sequence[at++] as ProbeLine).message.slice('inlining call to '.length));
    const secondRun: string[] = [];
    while (at < sequence.length && sequence[at]?.line === probe.lines.second) secondRun.push((sequence[at++] as ProbeLine).message.slice('inlining call to '.length));
    if (firstRun.length === 0 || firstRun.join('\n') !== secondRun.join('\n')) return { notModeled: 'the order gc inlines the calls inside its body in' };
    rounds.push(firstRun);
  }
  if (rounds.flat().join('\n') !== single.join('\n')) return { notModeled: 'the order gc inlines the calls inside its body in' };

  // Lines at the call that appear only with inlining on: the inlined body's.
  const bodyLines = (line: number | undefined): string[] | undefined => {
    if (line === undefined) return undefined;
    const column = callColumn(line);
    const remaining = notInlined.lines.filter((entry) => entry.line === line && entry.column === column).map((entry) => entry.message);
    const own: string[] = [];
    for (const entry of inlined.lines) {
      if (entry.line !== line || entry.message.startsWith('inlining call to ')) continue;
      const index = remaining.indexOf(entry.message);
      if (index >= 0) {
        remaining.splice(index, 1);
        continue;
      }
      own.push(entry.column === column ? entry.message : `@${entry.column} ${entry.message}`);
    }
    return remaining.length > 0 ? [...own, ...remaining.map((message) => `@missing ${message}`)] : own;
  };
  const dropped = bodyLines(probe.lines.drop) ?? [];
  const kept = bodyLines(probe.lines.sinkAll) ?? dropped;
  const perResult = probe.lines.sinkResult.map(bodyLines);
  const odd = [...dropped, ...kept, ...perResult.flat()].find((message) => message !== undefined && (message.startsWith('@') || !/^.* (escapes to heap|does not escape)$/.test(message)));
  if (odd !== undefined) return { notModeled: `a line of its inlined body: ${odd}` };
  const textOf = (message: string) => message.replace(/ (escapes to heap|does not escape)$/, '');
  const escapes = (message: string | undefined) => message?.endsWith(' escapes to heap') === true;
  if (dropped.length !== kept.length || dropped.some((message, index) => textOf(message) !== textOf(kept[index] as string))) {
    return { notModeled: 'its inlined body prints different values depending on how the result is used' };
  }
  const body: StdInlineBodyLine[] = [];
  for (let index = 0; index < dropped.length; index++) {
    const text = textOf(dropped[index] as string);
    if (escapes(dropped[index])) {
      body.push({ text, flowsTo: 'heap' });
      continue;
    }
    if (!escapes(kept[index])) {
      body.push({ text, flowsTo: 'nowhere' });
      continue;
    }
    // Escapes only when the results do: which one carries it.
    let result = 0;
    if (perResult.length > 0) {
      const carriers = perResult.map((lines, resultIndex) => (escapes(lines?.[index]) ? resultIndex : -1)).filter((resultIndex) => resultIndex >= 0);
      if (carriers.length !== 1) return { notModeled: `which result carries ${text} out of its inlined body` };
      result = carriers[0] as number;
    }
    body.push({ text, flowsTo: result });
  }

  // Nothing else may be printed but the probes' parameters' lines and lines at the calls.
  const callLines = new Set([probe.lines.sinkAll, probe.lines.drop, ...probe.lines.sinkResult, probe.lines.first, probe.lines.second]);
  const probeNames = [...(target.receiver !== undefined ? ['r'] : []), ...target.params.map((_, index) => `a${index}`)];
  const leakOf = (message: string) => /^(?:leaking param(?: content)?: (\w+)(?: to result .*)?|(\w+) does not escape)$/.exec(message);
  for (const entry of inlined.lines) {
    if (entry.line < probe.span.first || entry.line > probe.span.last) continue;
    if (entry.message.startsWith('can inline ') || entry.message.startsWith('inlining call to ')) continue;
    const leak = leakOf(entry.message);
    const name = leak?.[1] ?? leak?.[2];
    if (name !== undefined && probeNames.includes(name) && !callLines.has(entry.line)) continue;
    if (callLines.has(entry.line) && callColumn(entry.line) === entry.column) continue;
    return { notModeled: `a line its inlined calls print elsewhere than at the call: ${entry.message}` };
  }

  // The parameters' flows once inlined. With the results dropped, what still escapes goes to the
  // heap; what escapes only when a result does flows to that result (stored in a value the body
  // makes, when the function's own tag sends it to the heap).
  const strength = (funcLine: number | undefined, name: string): number => {
    if (funcLine === undefined) return 0;
    const message = inlined.lines.find((entry) => entry.line === funcLine && leakOf(entry.message)?.slice(1).includes(name))?.message ?? '';
    if (message.startsWith('leaking param content: ')) return 1;
    if (message.startsWith('leaking param: ')) return 2;
    return 0;
  };
  const realNames = [...(target.receiver !== undefined ? [target.receiverName ?? 'r'] : []), ...target.paramNames];
  const resultCarriers = target.results.length > 1 ? probe.lines.sinkResult : [probe.lines.sinkAll];
  let stored: string | undefined;
  const tagLines = probeNames.map((name, index) => {
    const realName = realNames[index] as string;
    const lines: string[] = [];
    const dropped = strength(probe.lines.drop - 1, name);
    if (dropped === 2) lines.push(`leaking param: ${realName}`);
    if (dropped === 1) lines.push(`leaking param content: ${realName}`);
    const ownTag = index === 0 && target.receiver !== undefined ? target.receiverTag : target.paramTags[index - (target.receiver !== undefined ? 1 : 0)];
    resultCarriers.forEach((line, result) => {
      const kept = strength(line === undefined ? undefined : line - 1, name);
      if (kept <= dropped) return;
      const level = (ownTag ?? []).map((tag) => new RegExp(`to result \\S+ level=(\\d+)$`).exec(tag)).find((match, tagIndex) => match !== null && resultIndexOf((ownTag ?? [])[tagIndex] as string, target) === result)?.[1];
      if (level !== undefined) {
        lines.push(`leaking param: ${realName} to result ~r${result} level=${level}`);
        return;
      }
      // Not to the result itself (its own tag says so): stored in a value the body makes that
      // the result carries (errors.New's text in its &errorString{...}), which escapes with it.
      const carriers = body.filter((line) => line.flowsTo === result);
      if (carriers.length !== 1 || kept !== 2) {
        stored ??= `how ${realName} reaches result ${result} of its inlined body`;
        return;
      }
      const carrier = carriers[0] as StdInlineBodyLine;
      carrier.holds = [...(carrier.holds ?? []), index];
    });
    return lines;
  });
  if (stored !== undefined) return { notModeled: stored };
  const results = target.resultNames.map((name, index) => (name === '' || name === '_' ? `~r${index}` : name));
  const tags = { ...(target.receiver !== undefined ? { receiver: tagLines[0] as string[] } : {}), params: tagLines.slice(target.receiver !== undefined ? 1 : 0) };
  return { cost, rounds, body, results, tags };
}
