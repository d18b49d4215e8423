/**
 * Standard-library uses that make gc print more than the user's own file: compiling a package
 * that uses them also instantiates generic code inside the standard library (sync.Map is built
 * on a generic hash-trie; sync.Pool and package os on generic atomic pointers), and gc reports
 * its decisions about that code at positions inside GOROOT. The simulator has no model of
 * those bodies, so for these uses it answers "not modeled" instead of printing a partial list.
 *
 * Found in the oracle's snapshots; test/escape/std-internals.test.ts checks that every recorded
 * run with lines inside the standard library is answered "not modeled".
 */
import type * as ast from '../syntax/ast.ts';
import { forEachNode } from '../syntax/walk.ts';
import type { AnalysisFlags, Diagnostic } from '../api.ts';

/** A std package member (or the whole package, `member: '*'`) and the flag sets it affects. */
interface InternalsTrigger {
  /** Import path. */
  path: string;
  /** Member name, or `*` for any member of the package. */
  member: string;
  /** Whether gc prints standard-library lines for this use under these flags. */
  affects: (flags: AnalysisFlags) => boolean;
}

const always = () => true;
/** With `-m -l`, only sync.Map's instantiations are reported; the others appear with inlining on or at `-m=2`. */
const exceptPlainNoInline = (flags: AnalysisFlags) => !(flags.noInline && flags.m === 1);

const triggers: InternalsTrigger[] = [
  { path: 'sync', member: 'Map', affects: always },
  { path: 'sync', member: 'Pool', affects: exceptPlainNoInline },
  { path: 'os', member: '*', affects: exceptPlainNoInline },
];

/** The first use in `file` for which gc would also report standard-library internals, as a not-modeled note. */
export function standardLibraryInternalsUse(file: ast.File, flags: AnalysisFlags): Diagnostic | undefined {
  const localNames = new Map<string, string>();
  for (const declaration of file.declarations) {
    if (declaration.kind !== 'ImportDecl') continue;
    const path = declaration.path.value.slice(1, -1);
    const localName = declaration.localName?.value ?? path.slice(path.lastIndexOf('/') + 1);
    localNames.set(localName, path);
  }
  let found: Diagnostic | undefined;
  forEachNode(file, (node) => {
    if (found !== undefined || node.kind !== 'SelectorExpr' || node.x.kind !== 'Name') return;
    const path = localNames.get(node.x.value);
    if (path === undefined) return;
    const member = node.selector.value;
    const trigger = triggers.find((candidate) => candidate.path === path && (candidate.member === '*' || candidate.member === member));
    if (trigger === undefined || !trigger.affects(flags)) return;
    found = {
      line: node.x.pos.line,
      column: node.x.pos.column,
      message: `not modeled: ${path}.${member} (gc also reports the standard library's generic code it instantiates)`,
    };
  });
  return found;
}
