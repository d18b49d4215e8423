/**
 * The simulator's public interface: what every view (playground, lesson annotations, CLI)
 * asks of it. Views depend on these types only, never on the solver's internals, so a
 * prediction can come from the simulator or from a recorded compiler run alike.
 *
 * Positions follow gc: 1-based line, 1-based byte column, a tab counts as one column.
 */

/** The Go release the simulator models by default; shown wherever a prediction is shown. */
export const MODELED_GO_VERSION = 'go1.26';

/** A point in the source, as gc prints it. */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based byte column; a tab is one column. */
  column: number;
}

/** Compiler flags that change escape output. */
export interface AnalysisFlags {
  /** `-m` (1) or `-m=2` (2): how much the compiler explains. */
  m: 1 | 2;
  /** `-l`: inlining disabled. */
  noInline: boolean;
}

/** One request to analyse a single Go file. */
export interface AnalysisRequest {
  /** The file's text. */
  source: string;
  /** The name printed in front of each line, e.g. `main.go`. */
  fileName: string;
  flags: AnalysisFlags;
  /** Go minor version to model, e.g. 26 for go1.26. Defaults to the modelled version. */
  goMinor?: number;
  /**
   * Accept function declarations without a body, as `go tool compile` does when not given
   * `-complete` (Go's own escape tests declare such functions). `go build` rejects them.
   */
  allowBodylessFunctions?: boolean;
  /** `-d=escapemutationscalls`: also report which parameters are stored through or called. */
  escapeMutationsCalls?: boolean;
}

/** A message tied to a position: a compile error, or a construct the simulator does not model. */
export interface Diagnostic extends Position {
  /** gc's wording for errors; `not modeled: <what>` for unsupported constructs. */
  message: string;
}

/** One step of an explanation chain, as `-m=2` prints it ("from &p (address-of) at main.go:7:9"). */
export interface FlowStep extends Position {
  /** The step in plain words. */
  text: string;
}

/** A variable or allocating expression and where it ends up. */
export interface AllocationSite extends Position {
  /** End of the expression or name, for highlighting (exclusive column). */
  end: Position;
  /** The name or expression as gc prints it (`p`, `&T{...}`, `make([]int, n)`). */
  what: string;
  /** Where it lives. */
  placement: 'heap' | 'stack';
  /** The gc line this site corresponds to, without the position prefix. */
  message: string;
  /** Why, outermost first; empty when the site stays on the stack. */
  reason: FlowStep[];
  /** Bytes allocated on the heap per evaluation after size-class rounding, when known. */
  heapBytes?: number;
  /** Whether this site allocates at run time (a constant boxed to an interface prints "escapes" but does not). */
  allocates: boolean;
}

/** Heap allocations of one function, per call. */
export interface FunctionSummary extends Position {
  /** The function's name as gc prints it (`main`, `(*T).M`, `f.func1`). */
  name: string;
  /** Heap allocations per call, as `testing.AllocsPerRun` would count them. */
  heapAllocationsPerCall: number;
  /** Heap bytes per call after size-class rounding. */
  heapBytesPerCall: number;
  /** False when the count depends on run-time values (loops, sizes) and is a lower bound. */
  exact: boolean;
}

/** The answer to an {@link AnalysisRequest}. */
export type AnalysisResult =
  | {
      kind: 'ok';
      /** The Go version modelled, e.g. `go1.26`. */
      goVersion: string;
      /** Exactly the lines `go build -gcflags=<flags>` prints, without the `# pkg` header, as `file:line:col: message`. */
      lines: string[];
      /** Every allocation site with its placement and reasons. */
      sites: AllocationSite[];
      /** Per-function allocation summary. */
      functions: FunctionSummary[];
    }
  | {
      /** The program does not compile: gc-style errors, in gc's order. */
      kind: 'compileError';
      goVersion: string;
      diagnostics: Diagnostic[];
    }
  | {
      /** The program uses something the simulator does not model: no guess is made. */
      kind: 'notModeled';
      goVersion: string;
      diagnostics: Diagnostic[];
    };

/** The analysis entry point, implemented in `./analyze.ts`. */
export type Analyze = (request: AnalysisRequest) => Promise<AnalysisResult>;
