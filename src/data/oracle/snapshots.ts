/**
 * Types of the oracle snapshots (what the real Go toolchain printed or measured) and a
 * synchronous loader for Node (tests, scripts). The site imports the same JSON through Vite:
 * `import.meta.glob('/src/data/oracle/escape/**\/*.json', { eager: true })`.
 * The files are written by `oracle/run.ts`; see oracle/README.md for how.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The compiler flag sets every Go source is built with, in snapshot order. */
export const escapeFlagSets = ['-m', '-m -l', '-m=2 -l'] as const;

/** One of the flag sets in `escapeFlagSets`. */
export type EscapeFlags = (typeof escapeFlagSets)[number];

/** One `go build -gcflags=<flags> .` of a source file built alone. */
export interface EscapeRun {
  /** The value given to -gcflags. */
  flags: EscapeFlags;
  /** go build's exit code: 0, or non-zero for an intentional compile error. */
  exitCode: number;
  /** The compiler's lines in order, without the `# package` header, each starting with the file's basename. */
  lines: string[];
}

/** Everything the compiler printed for one Go source under each flag set. */
export interface EscapeSnapshot {
  /** Format version of this file. */
  schema: 1;
  /** `go env GOVERSION` of the toolchain that produced it, e.g. "go1.26.8". */
  goVersion: string;
  /** Path of the Go source relative to the repository root, with forward slashes. */
  source: string;
  /** Hex SHA-256 of the source bytes the snapshot was taken from. */
  sha256: string;
  /** One run per flag set, in the order of `escapeFlagSets`. */
  runs: EscapeRun[];
}

/** Size and alignment of one field of a struct type, as unsafe reports them on amd64. */
export interface FieldLayout {
  /** Field name (the type name for an embedded field). */
  name: string;
  /** unsafe.Offsetof. */
  offset: number;
  /** unsafe.Sizeof of the field. */
  size: number;
  /** unsafe.Alignof of the field. */
  align: number;
}

/** Size and alignment of one named type. */
export interface TypeLayout {
  /** unsafe.Sizeof. */
  size: number;
  /** unsafe.Alignof. */
  align: number;
  /** For struct types, each field in declaration order; absent for other kinds. */
  fields?: FieldLayout[];
}

/** `src/data/oracle/sizes.json`. */
export interface SizesSnapshot {
  /** Toolchain that measured the sizes. */
  goVersion: string;
  /** GOARCH the sizes hold for (always "amd64"). */
  goarch: string;
  /** Source path, then type name (as declared; local types as `Function.Type`), to its layout. */
  types: Record<string, Record<string, TypeLayout>>;
}

/** Allocation figures of one function, from testing.Benchmark and testing.AllocsPerRun. */
export interface AllocationMeasure {
  /** Heap allocations per call (testing.Benchmark's AllocsPerOp). */
  allocsPerOp: number;
  /** Heap bytes per call, after size-class rounding (testing.Benchmark's AllocedBytesPerOp). */
  bytesPerOp: number;
  /** testing.AllocsPerRun(100, f): the average over 100 calls, after one warm-up call. */
  allocsPerRun: number;
}

/** `src/data/oracle/allocs.json`. */
export interface AllocsSnapshot {
  /** Toolchain that measured the figures. */
  goVersion: string;
  /** Source path, then function name, to its figures. */
  results: Record<string, Record<string, AllocationMeasure>>;
}

/** One parameter (or receiver) of a std function and what the compiler says about it. */
export interface StdParameter {
  /** Declared name ("" if unnamed, "_" if blank). */
  name: string;
  /** Type as go/types prints it. */
  type: string;
  /** The compiler's -m messages for this parameter, without position: e.g. "leaking param content: a". Empty for scalars. */
  leaks: string[];
}

/** One std function or method. */
export interface StdFunction {
  /** go/types' object string, e.g. "func fmt.Println(a ...any) (n int, err error)". */
  signature: string;
  /** go/types' string of the function type alone, e.g. "func(a ...any) (n int, err error)". */
  type: string;
  /** Whether the compiler printed `can inline` for it when building its package. */
  inlinable: boolean;
  /** The receiver, for methods. */
  receiver?: StdParameter;
  /** Parameters in order. */
  params: StdParameter[];
  /** Result types in order. */
  results: string[];
  /** For an inlinable function, what gc does where user code calls it (oracle/stdinline.ts). */
  inline?: StdInline;
  /** gc compiles its calls to machine instructions: they cost one node to a caller and are never inlined. */
  intrinsic?: true;
}

/**
 * What inlining a std function does at a call in user code, as probes compiled with the real
 * compiler showed it; or why that cannot be summarised (the simulator then answers "not modeled").
 */
export type StdInline =
  | {
      /** gc's inline cost of the function (`can inline F with cost N`), which a caller's cost includes. */
      cost: number;
      /** The `inlining call to` names one call prints, round by round: the function, then the calls inlined into its body, and so on. */
      rounds: string[][];
      /** What escape analysis prints at the call about values made in the inlined body, in order. */
      body: StdInlineBodyLine[];
      /** The inlined result variables' names as gc prints them (`~r0` for an unnamed result). */
      results: string[];
      /** The parameters' leak lines once the body is inlined (more precise than the tags: values stored into a result that stays local do not escape). */
      tags: { receiver?: string[]; params: string[][] };
    }
  | {
      /** Why the probes cannot be summarised. */
      notModeled: string;
    };

/** A value made inside an inlined std body: its text as gc prints it, and where it goes. */
export interface StdInlineBodyLine {
  /** `&errors.errorString{...}`, `append`, a string constant. */
  text: string;
  /** `heap` (always escapes), `nowhere` (never does), or the index of the result that carries it out. */
  flowsTo: 'heap' | 'nowhere' | number;
  /** The arguments stored in it (receiver first, then parameters, by index): they escape where it does. */
  holds?: number[];
}

/** `src/data/oracle/std-internals.json` (oracle/stdinternals.ts). */
export interface StdInternalsSnapshot {
  /** Toolchain the lines come from. */
  goVersion: string;
  /** By use (`sync.Map`), by flag set: the lines gc prints about the std code it instantiates, after the package's own. */
  uses: Record<string, Record<string, string[]>>;
  /**
   * By use, by flag set, by method (`(*sync.Map).Store`): the lines of the block that a call of
   * the method brings ahead of the calling function's own escape lines (gc analyses callees first).
   */
  calls?: Record<string, Record<string, Record<string, string[]>>>;
}

/** `src/data/oracle/stdlib.json`. */
export interface StdlibSnapshot {
  /** Toolchain the tags come from. */
  goVersion: string;
  /** Keyed by "pkg.Func", "(*pkg.Type).Method" (pointer receiver) or "pkg.Type.Method" (value receiver). */
  functions: Record<string, StdFunction>;
  /** Package variables, keyed by "pkg.Name" (e.g. "os.Stdout"). */
  variables: Record<string, StdVariable>;
  /** Package constants, keyed by "pkg.Name" (e.g. "reflect.SelectRecv"). */
  constants: Record<string, StdConstant>;
  /** Std named types the functions and variables mention (and their exported fields' types), keyed by "pkg/path.Name". */
  types: Record<string, StdType>;
  /** For each package with a recorded member: every exported name it declares, modelled or not, sorted. */
  exported?: Record<string, string[]>;
}

/** One std package constant. */
export interface StdConstant {
  /** go/types' object string, e.g. "const reflect.SelectRecv reflect.SelectDir". */
  signature: string;
  /** Its type, e.g. "reflect.SelectDir" ("untyped int" for an untyped constant). */
  type: string;
  /** Its exact value as go/constant prints it (ExactString): "2", "\"text\"", "true". */
  value: string;
}

/** One std named type and its layout on amd64, measured by a program built with the real toolchain. */
export interface StdType {
  /** Underlying type as go/types prints it, packages by import path (e.g. "int64", "struct{addr *strings.Builder; buf []byte}"). */
  underlying: string;
  /** reflect.Kind's name of the underlying type: "struct", "int64", "interface", "ptr", ... */
  kind: string;
  /** unsafe.Sizeof. */
  size: number;
  /** unsafe.Alignof. */
  align: number;
  /** Whether values hold pointers the garbage collector must see. */
  pointers: boolean;
  /** Whether an interface holds a value of the type directly, without a box (gc's IsDirectIface). */
  pointerShaped: boolean;
  /** Exported methods of *T (of T for an interface), sorted. */
  methods: string[];
  /** Fields in order, for structs, with their offsets. */
  fields?: StdField[];
}

/** One field of a std struct type. */
export interface StdField {
  /** Declared name (the type's name for an embedded field). */
  name: string;
  /** Type as go/types prints it, packages by import path. */
  type: string;
  /** Whether the field is embedded. */
  embedded: boolean;
  /** Whether user code can name it. */
  exported: boolean;
  /** unsafe.Offsetof. */
  offset: number;
}

/** One std package variable. */
export interface StdVariable {
  /** go/types' object string, e.g. "var os.Stdout *os.File". */
  signature: string;
  /** Its type, e.g. "*os.File". */
  type: string;
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the escape snapshot of a Go source lives, relative to the repository root. */
export function escapeSnapshotPath(sourcePath: string): string {
  const relative = sourcePath.replaceAll('\\', '/').replace(/^\.\//, '');
  if (!relative.endsWith('.go')) throw new Error(`not a Go source: ${sourcePath}`);
  return `src/data/oracle/escape/${relative.slice(0, -'.go'.length)}.json`;
}

/** Reads the escape snapshot of a Go source (path relative to the repository root), or undefined if there is none. */
export function loadEscapeSnapshot(sourcePath: string): EscapeSnapshot | undefined {
  const path = repositoryRoot + escapeSnapshotPath(sourcePath);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as EscapeSnapshot;
}

/** Reads one of the top-level oracle files (sizes.json, allocs.json, stdlib.json). */
export function loadOracleFile<Snapshot>(name: 'sizes.json' | 'allocs.json' | 'stdlib.json'): Snapshot {
  return JSON.parse(readFileSync(`${repositoryRoot}src/data/oracle/${name}`, 'utf8')) as Snapshot;
}
