/**
 * The solver: for every location taken as a root, a shortest-path walk over incoming edges
 * computes how many dereferences separate each reachable location from the root, and decides
 * from that which locations escape and where parameters leak.
 */
import type { IrFunc } from '../ir/ir.ts';
import type { Batch } from './escape.ts';
import { attrAll, attrCalls, attrEscapes, attrMutates, attrPersists, type Location, type Note } from './graph.ts';

/** A double-ended queue of locations in a ring buffer (gc walks the inner queue breadth-first). */
class LocationQueue {
  private items: (Location | undefined)[] = new Array(16);
  private head = 0;
  private count = 0;

  /** Number of queued locations. */
  get length(): number {
    return this.count;
  }
  /** Adds at the front. */
  pushFront(location: Location): void {
    if (this.count === this.items.length) this.grow();
    this.head = (this.head - 1 + this.items.length) % this.items.length;
    this.items[this.head] = location;
    this.count++;
  }
  /** Adds at the back. */
  pushBack(location: Location): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) % this.items.length] = location;
    this.count++;
  }
  /** Removes from the front. */
  popFront(): Location {
    const location = this.items[this.head];
    if (location === undefined || this.count === 0) throw new Error('escape: pop from an empty queue');
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.count--;
    return location;
  }
  private grow(): void {
    const items: (Location | undefined)[] = new Array(this.items.length * 2);
    for (let index = 0; index < this.count; index++) items[index] = this.items[(this.head + index) % this.items.length];
    this.items = items;
    this.head = 0;
  }
}

/** Solves the batch's graph: walks from every location until no attribute changes. */
export function walkAll(batch: Batch): void {
  const todo = new LocationQueue();
  const enqueue = (location: Location) => {
    if (location.queuedWalkAll) return;
    location.queuedWalkAll = true;
    if (location.hasAttr(attrEscapes)) todo.pushFront(location);
    else todo.pushBack(location);
  };
  for (const location of batch.allLocations) {
    todo.pushFront(location);
    location.queuedWalkAll = true;
  }
  for (const pseudo of [batch.mutatorLocation, batch.calleeLocation, batch.heapLocation]) {
    todo.pushFront(pseudo);
    pseudo.queuedWalkAll = true;
  }
  let generation = 0;
  while (todo.length > 0) {
    const root = todo.popFront();
    root.queuedWalkAll = false;
    generation++;
    walkOne(batch, root, generation, enqueue);
  }
}

function walkOne(batch: Batch, root: Location, generation: number, enqueue: (location: Location) => void): void {
  root.walkGeneration = generation;
  root.derefs = 0;
  root.pathNext = undefined;

  // A closure whose value reaches a call through an unknown function value: its results
  // may be kept by anyone, so its result parameters must be revisited.
  if (root.hasAttr(attrCalls) && root.node?.kind === 'expr' && root.node.expr.op === 'closure') {
    const fn = root.node.expr.func;
    if (batch.inMutualBatch(fn) && !batch.closureResultsLost(fn)) {
      batch.state(fn).closureResultsLost = true;
      for (const result of fn.results) enqueue(batch.locationOf(result));
    }
  }

  const todo = new LocationQueue();
  todo.pushFront(root);
  while (todo.length > 0) {
    const location = todo.popFront();
    location.queuedWalkOne = 0;
    let derefs = location.derefs;
    let newAttrs = 0;

    const addressOf = derefs < 0;
    if (addressOf) {
      // The address of `location` reaches `root`: derefs only counts dereferences of values.
      derefs = 0;
      if (outlives(batch, root, location)) {
        if (!location.hasAttr(attrEscapes) && location.node !== undefined) {
          explainEscape(batch, location, `${location.text()} escapes to heap in ${location.fn?.name ?? ''}:`, explainPath(batch, root, location));
        }
        newAttrs |= attrAll;
      } else if (root.hasAttr(attrPersists)) {
        newAttrs |= attrPersists;
      }
    }
    if (derefs === 0) newAttrs |= root.attrs & (attrMutates | attrCalls);

    if (location.isParam) {
      if (outlives(batch, root, location)) {
        if (!location.hasAttr(attrEscapes) && batch.explain) {
          const lines = explainPath(batch, root, location);
          const position = location.position();
          batch.report.explanation(position, `parameter ${location.text()} leaks to ${explainLocation(root)} for ${location.fn?.name ?? ''} with derefs=${derefs}:`);
          for (const line of lines) batch.report.explanation(position, line);
        }
        leakTo(location, root, derefs);
      }
      if (root.hasAttr(attrMutates)) location.paramEscapes.addMutator(derefs);
      if (root.hasAttr(attrCalls)) location.paramEscapes.addCallee(derefs);
    }

    if ((newAttrs & ~location.attrs) !== 0) {
      location.attrs |= newAttrs;
      enqueue(location);
      if (location.hasAttr(attrEscapes)) continue;
    }

    location.edges.forEach((edge, index) => {
      if (edge.src.hasAttr(attrEscapes)) return;
      const d = derefs + edge.derefs;
      if (edge.src.walkGeneration !== generation || edge.src.derefs > d) {
        edge.src.walkGeneration = generation;
        edge.src.derefs = d;
        edge.src.pathNext = location;
        edge.src.pathEdgeIndex = index;
        if (edge.src.queuedWalkOne !== generation) {
          edge.src.queuedWalkOne = generation;
          todo.pushBack(edge.src);
        }
      }
    });
  }
}

/** Records that parameter `param` leaks into `sink` after `derefs` dereferences. */
function leakTo(param: Location, sink: Location, derefs: number): void {
  // A leak into one of the function's own results is summarised per result.
  if (!sink.hasAttr(attrEscapes) && sink.isResult && sink.fn === param.fn) {
    const index = sink.resultIndex - 1;
    if (index < 5) {
      param.paramEscapes.addResult(index, derefs);
      return;
    }
  }
  param.paramEscapes.addHeap(derefs);
}

/**
 * Whether a value stored in `location` may outlive `other` (so storing `&other` there makes
 * `other` escape).
 */
export function outlives(batch: Batch, location: Location, other: Location): boolean {
  if (location.hasAttr(attrEscapes)) return true;
  if (location === batch.mutatorLocation || location === batch.calleeLocation) return false;
  if (location.isResult) {
    // A closure's results live no longer than its caller when every call site is known.
    if (containsClosure(other.fn, location.fn) && location.fn !== undefined && !batch.closureResultsLost(location.fn)) {
      return false;
    }
    return true;
  }
  if (location.fn === other.fn && location.loopDepth < other.loopDepth) return true;
  if (containsClosure(location.fn, other.fn)) return true;
  return false;
}

/** Whether `closure` is a closure defined (at any depth) inside `outer`. */
export function containsClosure(outer: IrFunc | undefined, closure: IrFunc | undefined): boolean {
  if (outer === undefined || closure === undefined || outer === closure) return false;
  for (let fn = closure.closureParent; fn !== undefined; fn = fn.closureParent) {
    if (fn === outer) return true;
  }
  return false;
}

/** The chain of flows from `source` to `root` found by the current walk, as `-m=2` words it. */
function explainPath(batch: Batch, root: Location, source: Location): string[] {
  const lines: string[] = [];
  const visited = new Set<Location>();
  let src = source;
  for (;;) {
    if (visited.has(src)) {
      lines.push('  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518');
      break;
    }
    visited.add(src);
    const dst = src.pathNext;
    if (dst === undefined) break;
    const edge = dst.edges[src.pathEdgeIndex];
    if (edge === undefined) break;
    lines.push(...explainFlow(batch, dst, src, edge.derefs, edge.notes));
    if (dst === root) break;
    src = dst;
  }
  return lines;
}

/** One `flow:` step of an explanation and its `from` notes. */
export function explainFlow(batch: Batch, dst: Location, src: Location, derefs: number, notes: Note | undefined): string[] {
  const ops = derefs >= 0 ? '*'.repeat(derefs) : '&';
  const lines = [`  flow: ${explainLocation(dst)} ← ${ops}${explainLocation(src)}:`];
  for (let note = notes; note !== undefined; note = note.next) {
    lines.push(`    from ${note.where.text} (${note.why}) at ./${batch.report.formatPosition(note.where.position)}`);
  }
  return lines;
}

/** Records why `location` escapes (kept for the views) and prints it under `-m=2`. */
export function explainEscape(batch: Batch, location: Location, header: string, lines: string[]): void {
  if (location.reason === undefined) location.reason = lines;
  if (!batch.explain) return;
  const position = location.position();
  batch.report.explanation(position, header);
  for (const line of lines) batch.report.explanation(position, line);
}

/** How a location is named in explanations. */
export function explainLocation(location: Location): string {
  if (location.pseudoName !== undefined) return location.pseudoName;
  const node = location.node;
  if (node === undefined) return '{temp}';
  if (node.kind === 'name') return node.name.name;
  return `{storage for ${node.expr.text}}`;
}
