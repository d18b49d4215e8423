/**
 * stdlib.json: for each std function the simulator models, its go/types signature (from
 * oracle/stdlib/main.go, which type-checks the std sources) and what the compiler prints about
 * its parameters and its inlinability when it builds the std package itself with -m (the same
 * build of the package user code links against, so the same parameter tags); and for every std
 * named type those signatures mention, its layout on amd64 as a program built and run with the
 * real toolchain measures it (unsafe.Sizeof, unsafe.Alignof, reflect).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StdFunction, StdParameter, StdlibSnapshot, StdType } from '../src/data/oracle/snapshots.ts';
import { formatJson, snippetModule } from './escape.ts';
import { repositoryRoot } from './sources.ts';
import { measureStdInternals, writeStdInternals } from './stdinternals.ts';
import { inlineCosts, packagePathsByName, probeStdInlining, type ProbeTarget } from './stdinline.ts';
import { runGo } from './toolchain.ts';

/**
 * Functions, methods (`(*pkg.T).M`, `pkg.T.M`) and variables recorded in stdlib.json, and types
 * asked for by name (besides those the signatures mention), recorded under `types`; `pkg.*`
 * stands for every exported function (generic ones excepted), variable and constant of pkg.
 */
export const modelledStdNames: readonly string[] = [
  'fmt.Print', 'fmt.Println', 'fmt.Printf', 'fmt.Sprint', 'fmt.Sprintf', 'fmt.Sprintln', 'fmt.Errorf',
  'fmt.Fprint', 'fmt.Fprintf', 'fmt.Fprintln',
  'errors.New', 'errors.Is', 'errors.As', 'errors.Unwrap', 'errors.Join',
  '(*strings.Builder).WriteString', '(*strings.Builder).WriteByte', '(*strings.Builder).WriteRune',
  '(*strings.Builder).Write', '(*strings.Builder).String', '(*strings.Builder).Len', '(*strings.Builder).Grow',
  '(*strings.Builder).Reset',
  'strings.Join', 'strings.Repeat', 'strings.Contains', 'strings.Split', 'strings.ToUpper', 'strings.ToLower',
  'strings.HasPrefix', 'strings.Fields', 'strings.TrimSpace', 'strings.Index',
  'strconv.Itoa', 'strconv.Atoi', 'strconv.FormatInt', 'strconv.ParseInt', 'strconv.Quote',
  'sort.Slice', 'sort.Ints', 'sort.Strings', 'sort.Sort',
  '(*sync.WaitGroup).Add', '(*sync.WaitGroup).Done', '(*sync.WaitGroup).Wait', '(*sync.WaitGroup).Go',
  '(*sync.Mutex).Lock', '(*sync.Mutex).Unlock', '(*sync.Mutex).TryLock',
  '(*sync.RWMutex).Lock', '(*sync.RWMutex).Unlock', '(*sync.RWMutex).RLock', '(*sync.RWMutex).RUnlock',
  '(*sync.Once).Do', '(*sync.Pool).Get', '(*sync.Pool).Put',
  ...['Load', 'Store', 'LoadOrStore', 'LoadAndDelete', 'Delete', 'Swap', 'CompareAndSwap', 'CompareAndDelete', 'Range', 'Clear'].map((method) => `(*sync.Map).${method}`),
  '(*bytes.Buffer).Write', '(*bytes.Buffer).WriteString', '(*bytes.Buffer).WriteByte', '(*bytes.Buffer).String',
  '(*bytes.Buffer).Bytes', '(*bytes.Buffer).Len', '(*bytes.Buffer).Reset', '(*bytes.Buffer).Grow',
  'bytes.NewBuffer', 'bytes.NewBufferString', 'bytes.Equal',
  'io.WriteString', 'io.Copy', 'io.ReadAll',
  'os.Stdout', 'os.Stderr', '(*os.File).Write', '(*os.File).WriteString', 'os.Exit', 'os.Getenv',
  'time.Now', 'time.Since', 'time.After', 'time.Sleep', 'time.Time.Sub', 'time.Duration.String',
  'os.Environ', 'strings.SplitAfterN',
  'runtime.KeepAlive', 'runtime.GC',
  'sync/atomic.LoadPointer', 'sync/atomic.StorePointer', 'sync/atomic.SwapPointer', 'sync/atomic.CompareAndSwapPointer',
  'reflect.ValueOf', 'reflect.Value.Pointer', 'reflect.Value.Elem', 'reflect.Value.UnsafeAddr',
  'reflect.SliceHeader', 'reflect.StringHeader',
  'reflect.TypeOf', 'reflect.Append', 'reflect.AppendSlice', 'reflect.Select', 'reflect.SelectCase',
  'reflect.SelectRecv', 'reflect.SelectSend', 'reflect.SelectDefault', 'reflect.Kind.String',
  ...[
    'Addr', 'Bytes', 'Call', 'CanAddr', 'CanInt', 'CanInterface', 'CanSet', 'Cap', 'Close', 'Convert', 'Field', 'Index',
    'Int', 'Interface', 'InterfaceData', 'IsNil', 'IsValid', 'IsZero', 'Kind', 'Len', 'MapIndex', 'MapKeys', 'MapRange',
    'Method', 'NumField', 'NumMethod', 'OverflowInt', 'Recv', 'Send', 'Set', 'SetBytes', 'SetCap', 'SetInt',
    'SetIterKey', 'SetIterValue', 'SetLen', 'SetMapIndex', 'SetPointer', 'SetString', 'Slice', 'String', 'TryRecv',
    'TrySend', 'Type', 'Uint', 'UnsafePointer',
  ].map((method) => `reflect.Value.${method}`),
  '(*reflect.MapIter).Next', '(*reflect.MapIter).Key', '(*reflect.MapIter).Value', '(*reflect.MapIter).Reset',
  'io.Discard', 'os.Open', '(*os.File).Read', '(*os.File).Close',
  ...['Abs', 'Hours', 'Microseconds', 'Milliseconds', 'Minutes', 'Nanoseconds', 'Round', 'Seconds', 'Truncate'].map((method) => `time.Duration.${method}`),
  'time.Nanosecond', 'time.Microsecond', 'time.Millisecond', 'time.Second', 'time.Minute', 'time.Hour',
  'testing.AllocsPerRun', 'testing.Benchmark', '(*testing.B).Loop', '(*testing.B).ReportAllocs', '(*testing.B).ResetTimer',
  'testing.BenchmarkResult.String', 'testing.BenchmarkResult.MemString', 'testing.BenchmarkResult.AllocsPerOp',
  'testing.BenchmarkResult.AllocedBytesPerOp', 'testing.BenchmarkResult.NsPerOp',
  'encoding/json.Marshal', 'runtime/pprof.WriteHeapProfile', 'runtime.MemProfileRate', 'os.Create',
  '(*hash/maphash.Hash).WriteString', '(*hash/maphash.Hash).Sum64',
  // Every exported function (not generic), variable and constant of these packages.
  'math.*', 'math/bits.*', 'unicode/utf8.*', 'unicode.*', 'strings.*', 'strconv.*', 'bytes.*', 'errors.*', 'sort.*',
  'time.*', 'runtime.*', 'sync/atomic.*', 'fmt.*', 'io.*', 'log.*', 'io/ioutil.*', 'runtime/debug.*', 'os/exec.*', 'path/filepath.*', 'context.*', 'math/rand.*', 'encoding/binary.*',
];

/** How gc words what it found about a parameter. */
const standardLeakLine = /^(leaking param: \S+( to result \S+ level=\d+)?|leaking param content: \S+|\S+ does not escape|(mutates|calls) param: \S+ derefs=\d+)$/;

/** One function or variable printed by oracle/stdlib/main.go. */
interface DescribedObject {
  /** Requested name. */
  name: string;
  /** Import path of the declaring package. */
  package: string;
  /** "func", "var" or "const". */
  kind: 'func' | 'var' | 'const';
  /** A constant's exact value. */
  value?: string;
  /** types.ObjectString. */
  signature: string;
  /** The object's type. */
  type: string;
  /** file:line:column of the declared name. */
  position: string;
  /** Receiver, for methods. */
  receiver?: DescribedParameter;
  /** Parameters in order. */
  params: DescribedParameter[];
  /** Result types. */
  results: string[];
  /** Result names ("" for unnamed). */
  resultNames: string[];
}

/** One named type as printed by oracle/stdlib/main.go. */
interface DescribedType {
  /** `pkg/path.Name`. */
  name: string;
  /** Import path of the declaring package. */
  package: string;
  /** Underlying type as go/types prints it. */
  underlying: string;
  /** Fields in order, for structs. */
  fields?: { name: string; type: string; embedded: boolean; exported: boolean }[];
  /** Exported methods of *T (of T for interfaces), sorted. */
  methods: string[];
}

/** What oracle/stdlib/main.go prints. */
interface Described {
  /** The requested functions and variables, in order. */
  functions: DescribedObject[];
  /** The std named types they mention, by name. */
  types: DescribedType[];
  /** Every exported name of each package involved. */
  exported: Record<string, string[]>;
}

/** One type as the layout probe measures it. */
interface MeasuredType {
  /** `pkg/path.Name`. */
  name: string;
  /** reflect.Kind's name of the underlying type (`struct`, `int64`, `interface`, ...). */
  kind: string;
  /** unsafe.Sizeof. */
  size: number;
  /** unsafe.Alignof. */
  align: number;
  /** Whether values hold pointers the garbage collector must see. */
  pointers: boolean;
  /** Whether an interface holds the value directly (pointer-shaped). */
  pointerShaped: boolean;
  /** Field offsets (unsafe.Offsetof through reflect), for structs. */
  offsets?: number[];
}

/** One parameter as printed by oracle/stdlib/main.go. */
interface DescribedParameter {
  /** Declared name. */
  name: string;
  /** Type string. */
  type: string;
  /** file:line:column of the name. */
  position: string;
}

/** Writes `outFolder/stdlib.json`; returns the problems found. */
export async function generateStdlib(outFolder: string, goVersion: string): Promise<string[]> {
  const describedRun = await runGo(['run', '.', ...modelledStdNames], join(repositoryRoot, 'oracle/stdlib'));
  if (describedRun.exitCode !== 0) return [`oracle/stdlib failed:\n${describedRun.output}`];
  const { functions: described, types, exported } = JSON.parse(describedRun.output) as Described;

  const packages = [...new Set(described.filter((entry) => entry.kind === 'func').map((entry) => entry.package))].sort();
  const module = mkdtempSync(join(tmpdir(), 'oracle-stdlib-'));
  let build;
  let costs;
  try {
    writeFileSync(join(module, 'go.mod'), snippetModule);
    // With escapemutationscalls gc also says which parameters a function stores through or
    // calls (tags a -m=2 explanation shows, through a temporary, in the caller).
    build = await runGo(['build', ...packages.map((name) => `-gcflags=${name}=-m -d=escapemutationscalls=1`), ...packages], module);
    costs = await inlineCosts(packages, module);
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
  if (build.exitCode !== 0) return [`building ${packages.join(' ')} with -m failed:\n${build.output}`];
  if (!(costs instanceof Map)) return [costs.problem];

  // Messages by exact position, and "can inline" by file:line (the compiler puts it at the
  // func keyword or the receiver's parenthesis, on the declaration's line).
  const messagesAt = new Map<string, string[]>();
  const inlinableLines = new Set<string>();
  for (const line of build.output.split('\n')) {
    const match = /^(.+?):(\d+):(\d+): (.*)$/.exec(line);
    if (match === null) continue;
    const [, file, row, column, printed] = match as unknown as [string, string, string, string, string];
    // Said of a parameter that neither leaks, nor is stored through or called: "does not escape" as at plain -m.
    const message = printed.replace(/ does not escape, mutate, or call$/, ' does not escape');
    if (message.startsWith('can inline ')) inlinableLines.add(`${file}:${row}`);
    const key = `${file}:${row}:${column}`;
    messagesAt.set(key, [...(messagesAt.get(key) ?? []), message]);
  }
  const parameter = (entry: DescribedParameter): StdParameter => ({
    name: entry.name,
    type: entry.type,
    leaks: (messagesAt.get(entry.position) ?? []).filter((message) => !message.startsWith('inlining call to ')),
  });

  const measured = await measureTypes(types);
  if (!Array.isArray(measured)) return [measured.problem];
  const snapshot: StdlibSnapshot = { goVersion, functions: {}, variables: {}, constants: {}, types: {} };
  snapshot.exported = Object.fromEntries(Object.entries(exported).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  types.forEach((type, index) => {
    const layout = measured[index] as MeasuredType;
    const record: StdType = {
      underlying: type.underlying,
      kind: layout.kind,
      size: layout.size,
      align: layout.align,
      pointers: layout.pointers,
      pointerShaped: layout.pointerShaped,
      methods: type.methods,
    };
    // An empty struct has no fields to describe, and an empty list of them.
    if (type.fields !== undefined || layout.kind === 'struct') {
      record.fields = (type.fields ?? []).map((field, fieldIndex) => ({ ...field, offset: layout.offsets?.[fieldIndex] ?? -1 }));
    }
    snapshot.types[type.name] = record;
  });
  // Where user code calls an inlinable function: its cost, its rounds of inlining, its body's lines.
  const inlinableEntries = described.filter((entry) => entry.kind === 'func' && inlinableLines.has(entry.position.replace(/:\d+$/, '')));
  const costByName = new Map<string, number>();
  for (const entry of inlinableEntries) {
    const cost = costs.get(entry.position.replace(/:\d+$/, ''));
    if (cost !== undefined) costByName.set(entry.name, cost);
  }
  const byName = packagePathsByName([...described.map((entry) => entry.package), ...types.map((type) => type.package)]);
  // Calls gc compiles to machine instructions are found among these packages' other functions.
  const intrinsicPackages = new Set(['math', 'math/bits', 'sync/atomic', 'runtime']);
  const probed = described.filter((entry) => entry.kind === 'func' && (inlinableEntries.includes(entry) || intrinsicPackages.has(entry.package)));
  const targets: ProbeTarget[] = probed.map((entry) => ({
    inlinable: inlinableEntries.includes(entry),
    name: entry.name,
    packagePath: entry.package,
    ...(entry.receiver !== undefined ? { receiver: entry.receiver.type } : {}),
    params: entry.params.map((param) => param.type),
    results: entry.results,
    resultNames: entry.resultNames,
    paramNames: entry.params.map((param) => param.name),
    paramTags: entry.params.map((param) => parameter(param).leaks),
    ...(entry.receiver !== undefined ? { receiverName: entry.receiver.name, receiverTag: parameter(entry.receiver).leaks } : {}),
  }));
  // The blocks gc prints about std code a use instantiates (a call of os.Open gives the program a
  // file) are replayed on their own: a probe printing exactly one is not printing its function's.
  const internals = await measureStdInternals(goVersion);
  if ('problem' in internals) return [internals.problem];
  const knownBlocks = Object.values(internals.uses).flatMap((blocks) => (blocks['-m'] !== undefined && blocks['-m'].length > 0 ? [blocks['-m']] : []));
  const probedInlining = await probeStdInlining(targets, byName, costByName, knownBlocks);
  if ('problem' in probedInlining) return [probedInlining.problem];
  const inlining = probedInlining.summaries;
  for (const entry of described) {
    if (entry.kind === 'var') {
      snapshot.variables[entry.name] = { signature: entry.signature, type: entry.type };
      continue;
    }
    if (entry.kind === 'const') {
      snapshot.constants[entry.name] = { signature: entry.signature, type: entry.type, value: entry.value ?? '' };
      continue;
    }
    const declarationLine = entry.position.replace(/:\d+$/, '');
    const record: StdFunction = {
      signature: entry.signature,
      type: entry.type,
      inlinable: inlinableLines.has(declarationLine),
      params: entry.params.map(parameter),
      results: entry.results,
    };
    if (entry.receiver !== undefined) record.receiver = parameter(entry.receiver);
    const inline = inlining.get(entry.name);
    if (inline !== undefined) record.inline = inline;
    if (probedInlining.intrinsics.has(entry.name)) record.intrinsic = true;
    // A function recorded because its whole package is, whose parameters gc describes otherwise
    // than with leak lines (`assuming p is unsafe uintptr`), is left out.
    const lines = [...(record.receiver?.leaks ?? []), ...record.params.flatMap((param) => param.leaks)];
    if (!modelledStdNames.includes(entry.name) && lines.some((line) => !standardLeakLine.test(line))) continue;
    snapshot.functions[entry.name] = record;
  }
  mkdirSync(outFolder, { recursive: true });
  writeFileSync(join(outFolder, 'stdlib.json'), formatJson(snapshot));
  writeStdInternals(outFolder, internals);
  return [];
}

/**
 * Measures `types` by building and running a generated program with the real toolchain: for
 * each, `unsafe.Sizeof` and `unsafe.Alignof` of a variable of the type, and through reflect its
 * kind, field offsets, whether it holds pointers and whether it is pointer-shaped (gc's
 * IsDirectIface: a pointer, map, channel, func or unsafe.Pointer, or a one-field struct or
 * one-element array of one). Returns the measurements in the order of `types`.
 */
async function measureTypes(types: DescribedType[]): Promise<MeasuredType[] | { problem: string }> {
  const packages = [...new Set(types.map((type) => type.package))].sort();
  const alias = (path: string) => `p${packages.indexOf(path)}`;
  const measurements = types.map((type) => {
    const local = `${alias(type.package)}.${type.name.slice(type.package.length + 1)}`;
    return `\t{\n\t\tvar v ${local}\n\t\tout = append(out, measure(${JSON.stringify(type.name)}, unsafe.Sizeof(v), unsafe.Alignof(v), reflect.TypeOf(&v).Elem()))\n\t}\n`;
  });
  const program = `// Code generated by oracle/stdlib.ts; measures std named types on this GOARCH.
package main

import (
\t"encoding/json"
\t"fmt"
\t"os"
\t"reflect"
\t"unsafe"
${packages.map((path) => `\t${alias(path)} ${JSON.stringify(path)}\n`).join('')})

type layout struct {
\tName          string    \`json:"name"\`
\tKind          string    \`json:"kind"\`
\tSize          uintptr   \`json:"size"\`
\tAlign         uintptr   \`json:"align"\`
\tPointers      bool      \`json:"pointers"\`
\tPointerShaped bool      \`json:"pointerShaped"\`
\tOffsets       []uintptr \`json:"offsets,omitempty"\`
}

func hasPointers(t reflect.Type) bool {
\tswitch t.Kind() {
\tcase reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.Interface, reflect.Slice, reflect.String, reflect.UnsafePointer:
\t\treturn true
\tcase reflect.Array:
\t\treturn t.Len() > 0 && hasPointers(t.Elem())
\tcase reflect.Struct:
\t\tfor i := 0; i < t.NumField(); i++ {
\t\t\tif hasPointers(t.Field(i).Type) {
\t\t\t\treturn true
\t\t\t}
\t\t}
\t}
\treturn false
}

func pointerShaped(t reflect.Type) bool {
\tswitch t.Kind() {
\tcase reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
\t\treturn true
\tcase reflect.Array:
\t\treturn t.Len() == 1 && pointerShaped(t.Elem())
\tcase reflect.Struct:
\t\treturn t.NumField() == 1 && pointerShaped(t.Field(0).Type)
\t}
\treturn false
}

func measure(name string, size, align uintptr, t reflect.Type) layout {
\tif t.Size() != size || uintptr(t.Align()) != align {
\t\tfmt.Fprintf(os.Stderr, "%s: reflect says size %d align %d, unsafe says %d %d\\n", name, t.Size(), t.Align(), size, align)
\t\tos.Exit(1)
\t}
\tmeasured := layout{Name: name, Kind: t.Kind().String(), Size: size, Align: align, Pointers: hasPointers(t), PointerShaped: pointerShaped(t)}
\tif t.Kind() == reflect.Struct {
\t\tmeasured.Offsets = []uintptr{}
\t\tfor i := 0; i < t.NumField(); i++ {
\t\t\tmeasured.Offsets = append(measured.Offsets, t.Field(i).Offset)
\t\t}
\t}
\treturn measured
}

func main() {
\tout := []layout{}
${measurements.join('')}\tif err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
\t\tfmt.Fprintln(os.Stderr, err)
\t\tos.Exit(1)
\t}
}
`;
  const module = mkdtempSync(join(tmpdir(), 'oracle-stdlib-layout-'));
  try {
    writeFileSync(join(module, 'go.mod'), snippetModule);
    writeFileSync(join(module, 'main.go'), program);
    const run = await runGo(['run', '.'], module);
    if (run.exitCode !== 0) return { problem: `measuring std types failed:\n${run.output}` };
    const measured = JSON.parse(run.output) as MeasuredType[];
    if (measured.length !== types.length || measured.some((layout, index) => layout.name !== types[index]?.name)) {
      return { problem: 'measuring std types: the probe did not report every type in order' };
    }
    return measured;
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
}
