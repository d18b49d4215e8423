/**
 * Field and method lookup through embedded fields (depth by depth, as the spec's selector
 * rule says), and method sets.
 */
import type { Func, Var } from './objects.ts';
import type { Named, Struct, Type } from './types.ts';
import { isExported, isInvalid, methodsOf, underlying } from './predicates.ts';

/** The result of looking a name up in a type. */
export interface LookupResult {
  /** The field or method found; null when absent or ambiguous. */
  obj: Var | Func | null;
  /** Field indices along the embedding path, then the field or method index. */
  index: number[];
  /** Whether a pointer was followed (the receiver itself, or an embedded pointer). */
  indirect: boolean;
  /** Whether several fields or methods at the same shallowest depth have the name. */
  ambiguous: boolean;
  /**
   * A std type whose members the snapshot records only in part, met where the name could be
   * (a method named in stdlib.json but not modelled, fields of a struct not recorded, promoted
   * members, unexported methods): the answer is then unknown and `obj` is null.
   */
  incomplete?: Named;
}

/** A type reached at some depth of the embedding search. */
interface Candidate {
  /** The type (pointers already followed). */
  type: Type;
  /** The path of field indices to it. */
  index: number[];
  /** Whether a pointer was followed on the way. */
  indirect: boolean;
}

/**
 * Looks up field or method `name` in `type` (gc's lookupFieldOrMethod); with `foldCase`, names
 * match regardless of case (types2's second lookup, for hints in messages).
 */
export function lookupFieldOrMethod(type: Type, name: string, foldCase = false): LookupResult {
  const same = foldCase ? (other: string) => other.toLowerCase() === name.toLowerCase() : (other: string) => other === name;
  let start = type;
  let indirect = false;
  if (type.kind === 'Pointer') {
    const under = underlying(type.elem);
    if (type.elem.kind === 'Named' || under.kind === 'Struct') {
      start = type.elem;
      indirect = true;
    }
  } else if (type.kind === 'Named' && underlying(type).kind === 'Pointer') {
    // A named pointer type has no methods, but fields of its base are reachable.
    const base = underlying(type);
    if (base.kind === 'Pointer') {
      const result = lookupFieldOrMethod(base, name, foldCase);
      if (result.obj?.kind === 'Func') return { obj: null, index: [], indirect: false, ambiguous: false };
      return result;
    }
  }
  let current: Candidate[] = [{ type: start, index: [], indirect }];
  const seen = new Set<Named>();
  // The first std type met: a failed lookup through one is answered by gc with hints (unexported
  // or differently capitalised members) the snapshot cannot tell.
  let stdMet: Named | undefined;
  for (let depth = 0; current.length > 0 && depth < 32; depth++) {
    const found: LookupResult[] = [];
    const next: Candidate[] = [];
    let unknown: Named | undefined;
    for (const candidate of current) {
      let t = candidate.type;
      if (t.kind === 'Named') {
        if (seen.has(t)) continue;
        seen.add(t);
        const methodIndex = t.methods.findIndex((m) => same(m.name));
        if (methodIndex >= 0) {
          found.push({ obj: t.methods[methodIndex] as Func, index: [...candidate.index, methodIndex], indirect: candidate.indirect, ambiguous: false });
          continue;
        }
        if (t.qualifier !== undefined) {
          stdMet ??= t;
          const visible = stdMembers(t, name, foldCase);
          if (visible === 'unknown') {
            unknown ??= t;
            continue;
          }
          if (visible !== null) {
            visible.fields.forEach((field, fieldIndex) => {
              if (same(field.name) && isExported(field.name)) {
                found.push({ obj: field, index: [...candidate.index, fieldIndex], indirect: candidate.indirect, ambiguous: false });
              }
            });
            continue;
          }
        }
        t = underlying(t);
      }
      if (t.kind === 'Struct') {
        t.fields.forEach((field, fieldIndex) => {
          if (same(field.name)) {
            found.push({ obj: field, index: [...candidate.index, fieldIndex], indirect: candidate.indirect, ambiguous: false });
          }
          if (field.embedded) {
            let embedded = field.type;
            let viaPointer = candidate.indirect;
            if (embedded.kind === 'Pointer') {
              embedded = embedded.elem;
              viaPointer = true;
            }
            next.push({ type: embedded, index: [...candidate.index, fieldIndex], indirect: viaPointer });
          }
        });
      } else if (t.kind === 'Interface') {
        const methods = methodsOf(t);
        const methodIndex = methods.findIndex((m) => same(m.name));
        if (methodIndex >= 0) {
          found.push({ obj: methods[methodIndex] as Func, index: [...candidate.index, methodIndex], indirect: candidate.indirect, ambiguous: false });
        }
      }
    }
    if (unknown !== undefined) return { obj: null, index: [], indirect: false, ambiguous: false, incomplete: unknown };
    if (found.length === 1) return found[0] as LookupResult;
    if (found.length > 1) return { obj: null, index: [], indirect: false, ambiguous: true };
    current = next;
  }
  return { obj: null, index: [], indirect: false, ambiguous: false, ...(stdMet !== undefined ? { incomplete: stdMet } : {}) };
}

/**
 * What a std type (method already looked for) tells about `name`: `unknown` when the snapshot
 * cannot say whether it has such a member (an unmodelled method, an unexported name, unrecorded or
 * promoted fields); the recorded fields of an opaque struct to search (only exported ones can be
 * named); null when the type's own underlying type answers.
 */
function stdMembers(type: Named, name: string, foldCase: boolean): 'unknown' | Struct | null {
  const std = type.std;
  // Unexported methods are not recorded: they could match a name differing only in case.
  if (std === undefined || !isExported(name) || foldCase) return 'unknown';
  // Visible whole (an interface, or every method modelled): its underlying type answers.
  if (!isInvalid(type.underlying)) return null;
  if (std.methodNames.includes(name)) return 'unknown';
  if (std.fields === undefined) return std.kind === 'struct' ? 'unknown' : null;
  const direct = std.fields.fields.some((field) => field.name === name);
  if (!direct && std.fields.fields.some((field) => field.embedded)) return 'unknown';
  return std.fields;
}

/** Every method name reachable from `type` through embedding. */
function methodNames(type: Type): Set<string> {
  const names = new Set<string>();
  const seen = new Set<Type>();
  const visit = (t: Type, depth: number): void => {
    if (depth > 32 || seen.has(t)) return;
    seen.add(t);
    if (t.kind === 'Pointer') return visit(t.elem, depth);
    if (t.kind === 'Named') for (const method of t.methods) names.add(method.name);
    const under = underlying(t);
    if (under.kind === 'Interface') for (const method of methodsOf(under)) names.add(method.name);
    if (under.kind === 'Struct') for (const field of under.fields) if (field.embedded) visit(field.type, depth + 1);
  };
  visit(type, 0);
  return names;
}

/** One method of a method set. */
export interface MethodSetEntry {
  /** The method. */
  method: Func;
  /** Embedding path and method index, as in `LookupResult.index`. */
  index: number[];
  /** Whether a pointer is followed to reach it. */
  indirect: boolean;
}

/** The method set of `type`, sorted by name: for `T`, value-receiver methods (and promoted ones reachable without an address); for `*T`, all. */
export function methodSet(type: Type): MethodSetEntry[] {
  const out: MethodSetEntry[] = [];
  for (const name of [...methodNames(type)].sort()) {
    const found = lookupFieldOrMethod(type, name);
    if (found.obj?.kind !== 'Func') continue;
    if (found.obj.pointerReceiver && !found.indirect && type.kind !== 'Pointer') continue;
    out.push({ method: found.obj, index: found.index, indirect: found.indirect });
  }
  return out;
}

/**
 * The unexported field `name` of an opaque std struct, which user code cannot name (gc: "cannot
 * refer to unexported field"); undefined when there is none, or when a recorded method differs
 * from it only in case (gc would then point at the method).
 */
export function unexportedStdField(type: Named, name: string): Var | undefined {
  const fields = type.qualifier === undefined ? undefined : type.std?.fields;
  if (fields === undefined || isExported(name)) return undefined;
  if (type.std?.methodNames.some((method) => method.toLowerCase() === name.toLowerCase())) return undefined;
  return fields.fields.find((field) => field.name === name);
}

/**
 * The type of the field reached from `type` through the embedded fields at `path` (an index
 * path as lookupFieldOrMethod gives it, pointers followed), or undefined if the path does not fit.
 */
export function embeddedFieldType(type: Type, path: number[]): Type | undefined {
  let current = type;
  for (const index of path) {
    let base = underlying(current);
    if (base.kind === 'Pointer') base = underlying(base.elem);
    if (base.kind !== 'Struct') return undefined;
    const field = base.fields[index];
    if (field === undefined) return undefined;
    current = field.type;
  }
  return current;
}
