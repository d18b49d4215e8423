/**
 * `stackorheap map`: the state of `make(map[int]int, H)` after N distinct inserts, from the
 * classic or the Swiss model.
 *
 *   stackorheap map --impl classic|swiss [--go=1.19..1.26] --hint H --insert N [--json] [--seed S]
 *
 * Exit codes: 0 done, 2 bad arguments, 3 a combination the simulator does not model.
 */
import type { CommandIO } from '../cli.ts';
import { ClassicMap } from './classic/map.ts';
import { SwissMap } from './swiss/map.ts';
import { MAP_TYPES, type MapTypeShape } from './types.ts';

const usage = 'usage: stackorheap map --impl classic|swiss [--go=1.19..1.26] --hint H --insert N [--json] [--seed S]\n';

/** Largest insert count the command accepts (a few seconds of simulation). */
const MAX_INSERTS = 10_000_000;
/** Largest hint the command accepts: the models keep every slot in memory, as the runtime would. */
const MAX_HINT = 10_000_000;

/** Parsed, validated arguments. */
interface MapArguments {
  /** Which implementation. */
  impl: 'classic' | 'swiss';
  /** Go 1.x minor version. */
  goMinor: number;
  /** `make` hint. */
  hint: number;
  /** Distinct keys to insert. */
  inserts: number;
  /** Print JSON instead of text. */
  json: boolean;
  /** Seed of the simulated hash. */
  seed: number;
}

/** A problem with the arguments: the message and the exit code. */
interface ArgumentProblem {
  message: string;
  exitCode: 2 | 3;
}

/** Parses `args`; returns the arguments or the problem. */
export function parseMapArguments(args: readonly string[]): MapArguments | ArgumentProblem {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') {
      json = true;
      continue;
    }
    const match = /^--(impl|go|hint|insert|seed)(?:=(.*))?$/.exec(arg);
    if (match === null) return { message: `unknown argument "${arg}"`, exitCode: 2 };
    const name = match[1] as string;
    let value = match[2];
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined) return { message: `--${name} needs a value`, exitCode: 2 };
      i++;
    }
    if (values.has(name)) return { message: `--${name} given twice`, exitCode: 2 };
    values.set(name, value);
  }
  const impl = values.get('impl');
  if (impl !== 'classic' && impl !== 'swiss') {
    return { message: impl === undefined ? '--impl is required (classic or swiss)' : `--impl must be classic or swiss, not "${impl}"`, exitCode: 2 };
  }
  const versionText = values.get('go') ?? (impl === 'classic' ? '1.23' : '1.26');
  const version = /^(?:go)?1\.(\d+)$/.exec(versionText);
  if (version === null) return { message: `--go must look like 1.23, not "${versionText}"`, exitCode: 2 };
  const goMinor = Number(version[1]);
  if (goMinor < 19 || goMinor > 26) return { message: `--go must be between 1.19 and 1.26, not ${versionText}`, exitCode: 2 };
  if (impl === 'swiss' && goMinor < 24) return { message: `Swiss maps first shipped in go1.24; go1.${goMinor} has only classic maps`, exitCode: 2 };
  if (impl === 'classic' && goMinor === 26) return { message: 'go1.26 has only Swiss maps; classic maps end with go1.25 (GOEXPERIMENT=noswissmap)', exitCode: 2 };
  if (impl === 'classic' && goMinor >= 24) {
    return { message: `not modeled: classic maps in go1.${goMinor} (GOEXPERIMENT=noswissmap, 56-byte header); the model covers go1.19 to go1.23`, exitCode: 3 };
  }
  const hint = integer(values.get('hint') ?? '0', '--hint', MAX_HINT);
  if (typeof hint !== 'number') return hint;
  const insertText = values.get('insert');
  if (insertText === undefined) return { message: '--insert is required', exitCode: 2 };
  const inserts = integer(insertText, '--insert', MAX_INSERTS);
  if (typeof inserts !== 'number') return inserts;
  const seed = integer(values.get('seed') ?? '1', '--seed', 2 ** 32 - 1);
  if (typeof seed !== 'number') return seed;
  return { impl, goMinor, hint, inserts, json, seed };
}

function integer(text: string, name: string, max: number): number | ArgumentProblem {
  if (!/^\d+$/.test(text)) return { message: `${name} must be a whole number ≥ 0, not "${text}"`, exitCode: 2 };
  const value = Number(text);
  if (value > max) return { message: `${name} must be at most ${max}, not ${text}`, exitCode: 2 };
  return value;
}

/** Runs the command. */
export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  const parsed = parseMapArguments(args);
  if ('message' in parsed) {
    io.stderr(`stackorheap map: ${parsed.message}\n${parsed.exitCode === 2 ? usage : ''}`);
    return parsed.exitCode;
  }
  const type = MAP_TYPES['map[int]int'] as MapTypeShape;
  const heading = `make(map[int]int, ${parsed.hint}) after ${parsed.inserts} distinct inserts, go1.${parsed.goMinor}`;
  if (parsed.impl === 'classic') {
    const map = new ClassicMap({ type, goMinor: parsed.goMinor, hint: parsed.hint, seed: parsed.seed });
    for (let key = 0; key < parsed.inserts; key++) map.insert(key);
    const stats = map.stats();
    if (parsed.json) {
      const { count, B, buckets, overflow, growing, bytes } = stats;
      io.stdout(`${JSON.stringify({ impl: 'classic', count, B, buckets, overflow, growing, bytes })}\n`);
      return 0;
    }
    const regular = 2 ** stats.B;
    io.stdout(
      [
        `classic map: ${heading}`,
        `count     ${stats.count}`,
        `B         ${stats.B} (${regular} buckets${stats.buckets > regular ? ` + ${stats.buckets - regular} preallocated overflow buckets in the same array` : ''})`,
        `load      ${(stats.count / regular).toFixed(2)} entries per bucket`,
        `overflow  ${stats.overflow} overflow buckets taken since the last grow (${stats.overflowBuckets} chained now)`,
        `growing   ${stats.growing ? `yes: ${stats.nevacuate} of ${stats.sameSizeGrow ? regular : regular / 2} old buckets evacuated` : 'no'}`,
        `bytes     ${stats.bytes} reachable (${map.memory.allocations} allocations, ${map.memory.allocatedBytes} bytes allocated in total)`,
        `Overflow buckets and evacuation progress depend on the hash seed (simulated seed ${parsed.seed}); B and the bucket array do not.`,
        '',
      ].join('\n'),
    );
    return 0;
  }
  const map = new SwissMap({ type, goMinor: parsed.goMinor, hint: parsed.hint, seed: parsed.seed });
  for (let key = 0; key < parsed.inserts; key++) map.insert(key);
  const stats = map.stats();
  if (parsed.json) {
    io.stdout(`${JSON.stringify({ impl: 'swiss', used: stats.used, dirLen: stats.dirLen, globalDepth: stats.globalDepth, tables: stats.tables, bytes: stats.bytes })}\n`);
    return 0;
  }
  const lines = [`Swiss map: ${heading}`, `used         ${stats.used}`];
  if (map.small !== null) lines.push('layout       small map: one group of 8 slots, no directory');
  else if (stats.dirLen === 0) lines.push('layout       no storage yet');
  else {
    lines.push(`directory    ${stats.dirLen} entries (globalDepth ${stats.globalDepth}), ${stats.tables.length} tables`);
    for (const [i, table] of stats.tables.entries()) {
      lines.push(`  table ${i}: capacity ${table.capacity}, used ${table.used}, growthLeft ${table.growthLeft}, localDepth ${table.localDepth}`);
    }
  }
  lines.push(`bytes        ${stats.bytes} reachable (${map.memory.allocations} allocations, ${map.memory.allocatedBytes} bytes allocated in total)`);
  lines.push(`How keys divide between tables after the first split (at 897 entries) depends on the hash seed (simulated seed ${parsed.seed}).`, '');
  io.stdout(lines.join('\n'));
  return 0;
}
