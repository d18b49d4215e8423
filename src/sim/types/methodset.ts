/**
 * Field and method lookup through embedded fields (depth by depth, as the spec's selector
 * rule says), and method sets.
 */
import type { Func, Var } from './objects.ts';
import type { Named, Type } from './types.ts';
import { methodsOf, underlying } from './predicates.ts';

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

/** Looks up field or method `name` in `type` (gc's lookupFieldOrMethod). */
export function lookupFieldOrMethod(type: Type, name: string): LookupResult {
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
      const result = lookupFieldOrMethod(base, name);
      if (result.obj?.kind === 'Func') return { obj: null, index: [], indirect: false, ambiguous: false };
      return result;
    }
  }
  let current: Candidate[] = [{ type: start, index: [], indirect }];
  const seen = new Set<Named>();
  for (let depth = 0; current.length > 0 && depth < 32; depth++) {
    const found: LookupResult[] = [];
    const next: Candidate[] = [];
    for (const candidate of current) {
      let t = candidate.type;
      if (t.kind === 'Named') {
        if (seen.has(t)) continue;
        seen.add(t);
        const methodIndex = t.methods.findIndex((m) => m.name === name);
        if (methodIndex >= 0) {
          found.push({ obj: t.methods[methodIndex] as Func, index: [...candidate.index, methodIndex], indirect: candidate.indirect, ambiguous: false });
          continue;
        }
        t = underlying(t);
      }
      if (t.kind === 'Struct') {
        t.fields.forEach((field, fieldIndex) => {
          if (field.name === name) {
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
        const methodIndex = methods.findIndex((m) => m.name === name);
        if (methodIndex >= 0) {
          found.push({ obj: methods[methodIndex] as Func, index: [...candidate.index, methodIndex], indirect: candidate.indirect, ambiguous: false });
        }
      }
    }
    if (found.length === 1) return found[0] as LookupResult;
    if (found.length > 1) return { obj: null, index: [], indirect: false, ambiguous: true };
    current = next;
  }
  return { obj: null, index: [], indirect: false, ambiguous: false };
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
