/**
 * The escape graph: locations (abstract storage), holes (where a value is going) and edges
 * (dst ← src with a dereference count). See README.md for the design.
 */
import type { IrExpr, IrFunc, IrName, IrStmt } from '../ir/ir.ts';
import { Leaks } from './leaks.ts';

/** Location attributes; each can only be gained, never lost. */
export const attrEscapes = 1;
/** The location's lifetime reaches past the statement that made it (it is not a transient temporary). */
export const attrPersists = 2;
/** Something stores through a pointer derived from the location. */
export const attrMutates = 4;
/** Something calls a function value derived from the location. */
export const attrCalls = 8;
/** All attributes: what the heap has and what an escaping location gains. */
export const attrAll = attrEscapes | attrPersists | attrMutates | attrCalls;

/** What a location stands for: a variable, or the expression that allocates. */
export type LocationNode = { kind: 'name'; name: IrName } | { kind: 'expr'; expr: IrExpr };

/** The reason a flow exists, kept for `-m=2` explanations. */
export interface Note {
  /** The node the flow happens at. */
  where: { text: string; position: { line: number; column: number } };
  /** gc's word for the step (`address-of`, `assign`, `return`, ...). */
  why: string;
  /** The note added before this one (notes form a chain, newest first). */
  next?: Note;
}

/** An edge `dst ← src`, stored on the destination. */
export interface Edge {
  /** The location whose value (or address, or contents) flows. */
  src: Location;
  /** -1 for `&src`, 0 for `src`, n for `*…*src` (n stars). */
  derefs: number;
  /** Why, for explanations. */
  notes?: Note;
}

/** One abstract storage cell: a variable, an allocation, a temporary or a pseudo-location. */
export class Location {
  /** The variable or allocating expression represented, if any (temporaries have none). */
  node?: LocationNode;
  /** The function whose frame would hold it (undefined for pseudo-locations). */
  fn?: IrFunc;
  /** Incoming edges. */
  edges: Edge[] = [];
  /** Loop nesting at the declaration; storing into a shallower location outlives it. */
  loopDepth: number;
  /** For result parameters: 1 + the result's index; 0 otherwise. */
  resultIndex = 0;
  /** Working value of the current walk: shortest dereference distance to the root. */
  derefs = 0;
  /** Which walk last set `derefs`. */
  walkGeneration = 0;
  /** The next location on the shortest path to the root of the current walk. */
  pathNext?: Location;
  /** Index of the edge on `pathNext` that reaches this location. */
  pathEdgeIndex = 0;
  /** Whether the location is waiting in the outer work queue. */
  queuedWalkAll = false;
  /** The walk generation for which the location is waiting in the inner queue. */
  queuedWalkOne = 0;
  /** Attribute bits (attrEscapes, ...). */
  attrs = 0;
  /** For parameters: where the parameter's value leaks. */
  paramEscapes = new Leaks();
  /** Whether a closure captured this variable. */
  captured = false;
  /** Whether the variable is assigned after its definition (decides capture by value). */
  reassigned = false;
  /** Whether the variable's address is taken (decides capture by value). */
  addressTaken = false;
  /** Whether this is a parameter of its function. */
  isParam = false;
  /** Whether this is a result parameter of its function. */
  isResult = false;
  /** A short description for pseudo-locations (`{heap}`), used in explanations. */
  pseudoName?: string;
  /** Why the location escapes: the explanation lines (`flow: ...`, `from ...`) of the first path found. */
  reason?: string[];

  constructor(node: LocationNode | undefined, fn: IrFunc | undefined, loopDepth: number) {
    this.node = node;
    this.fn = fn;
    this.loopDepth = loopDepth;
    if (node?.kind === 'name') {
      this.isParam = node.name.class === 'param';
      this.isResult = node.name.class === 'result';
    }
  }

  /** Whether the location has the attribute bit(s). */
  hasAttr(attr: number): boolean {
    return (this.attrs & attr) !== 0;
  }

  /** The hole that stores directly into this location. */
  asHole(): Hole {
    return new Hole(this, 0, undefined, false);
  }

  /** Where the location's node is reported. */
  position(): { line: number; column: number } {
    const node = this.node;
    if (node === undefined) return { line: 0, column: 0 };
    return node.kind === 'name' ? node.name.position : node.expr.position;
  }

  /** The node as gc prints it. */
  text(): string {
    const node = this.node;
    if (node === undefined) return '';
    return node.kind === 'name' ? node.name.name : node.expr.text;
  }
}

/** A context an expression's value flows into: a location plus a dereference count. */
export class Hole {
  /** The destination. */
  readonly dst: Location;
  /** Dereferences applied to the value on its way to `dst` (-1 = its address). */
  readonly derefs: number;
  /** Explanation chain, newest first. */
  readonly notes: Note | undefined;
  /** Whether the last step took an address (marks the source as address-taken). */
  readonly addressTaken: boolean;

  constructor(dst: Location, derefs: number, notes: Note | undefined, addressTaken: boolean) {
    this.dst = dst;
    this.derefs = derefs;
    this.notes = notes;
    this.addressTaken = addressTaken;
  }

  /** The same hole with `delta` more dereferences. */
  shift(delta: number): Hole {
    const derefs = this.derefs + delta;
    if (derefs < -1) throw new Error(`escape: dereference count underflow (${derefs})`);
    return new Hole(this.dst, derefs, this.notes, delta < 0);
  }

  /** The same hole with an explanation step added. */
  note(where: IrExpr | IrStmt | IrName | NoteSite, why: string): Hole {
    const site: NoteSite = 'op' in where || 'class' in where ? noteSite(where) : where;
    return new Hole(this.dst, this.derefs, { where: site, why, next: this.notes }, this.addressTaken);
  }

  /** `*value` flows here. */
  deref(where: IrExpr | IrStmt, why: string): Hole {
    return this.shift(1).note(where, why);
  }

  /** `&value` flows here. */
  addr(where: IrExpr | IrStmt | IrName | NoteSite, why: string): Hole {
    return this.shift(-1).note(where, why);
  }
}

/** A position and text for a note that is not a node. */
export interface NoteSite {
  /** The text printed after `from`. */
  text: string;
  /** Where it is. */
  position: { line: number; column: number };
}

/** How gc names a node in a note: statements with a body print short (`for loop`, at a range loop's `range` keyword). */
function noteSite(where: IrExpr | IrStmt | IrName): NoteSite {
  if ('class' in where) return { text: where.name, position: where.position };
  if (where.op === 'range') return { text: 'for loop', position: where.rangePosition };
  if (where.op === 'for') return { text: 'for loop', position: where.position };
  if (where.op === 'select' || where.op === 'switch') return { text: `${where.op} statement`, position: where.position };
  // Read when printed: escape analysis may rewrite a node after noting it (rewriteWithLiterals).
  return {
    get text() {
      return where.text;
    },
    position: where.position,
  };
}
