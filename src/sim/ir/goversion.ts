/**
 * A file's Go language version, from its `//go:build` line, as gc and the go command read it.
 *
 * gc's parser looks at a `//go:build` line in the comments above the package clause and takes
 * the minimum Go version its expression implies (`go1.21` → 1.21; `go1.21 && linux` → 1.21;
 * `go1.21 || go1.22` → 1.21; `!go1.21` → none). The type checker then uses max(that, go1.21)
 * for the file instead of the module's version (go1.21 is the first release that honours
 * such a line), which matters to escape analysis through the loop variables: one per
 * iteration only from go1.22. The go command evaluates the same expression to decide whether
 * the file is built at all (on linux/amd64 with the gc toolchain and release tags go1.1 up to
 * the toolchain's version; other tags are unset).
 */

/** What the `//go:build` line of a file says. */
export interface FileBuildConstraint {
  /** The file's language minor version, when the line sets one (already raised to 21). */
  languageMinor?: number;
  /** Why the line cannot be modelled (a tag whose value depends on the environment, several lines), if so. */
  notModeled?: string;
  /** Whether the go command leaves the file out of the build. */
  excluded: boolean;
  /** Where the line is (1-based line). */
  line: number;
}

/** Parses the `//go:build` line of `source` for a toolchain of minor version `goMinor`; undefined without one. */
export function fileBuildConstraint(source: string, goMinor: number): FileBuildConstraint | undefined {
  const lines = headerLines(source);
  const found = lines.filter((entry) => /^\/\/go:build(\s|$)/.test(entry.text));
  if (found.length === 0) return undefined;
  const first = found[0] as { text: string; line: number };
  if (found.length > 1) return { notModeled: 'several //go:build lines', excluded: false, line: first.line };
  let expression: Expr;
  try {
    expression = parseConstraint(first.text.slice('//go:build'.length));
  } catch {
    // gc ignores a line it cannot parse; the go command rejects the file.
    return { notModeled: 'a malformed //go:build line', excluded: false, line: first.line };
  }
  const environmentTags = new Set(['cgo']);
  // The experiments a toolchain enables by default are known for the modelled release only.
  const unknown = tagsOf(expression).find((tag) => environmentTags.has(tag) || (tag.startsWith('goexperiment.') && goMinor !== defaultExperimentsMinor));
  if (unknown !== undefined) return { notModeled: `the //go:build tag ${unknown} (it depends on the environment)`, excluded: false, line: first.line };
  const version = minVersion(expression, 1);
  const result: FileBuildConstraint = { excluded: !evaluate(expression, (tag) => tagIsSet(tag, goMinor)), line: first.line };
  if (version >= 0) result.languageMinor = Math.max(version, 21);
  return result;
}

/** The line comments (and other lines) before the package clause, trimmed, outside block comments. */
function headerLines(source: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let inBlock = false;
  // Line by line, only as far as the header goes (the file may be large).
  for (let start = 0, index = 0; start <= source.length; index++) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    let text = source.slice(start, end).trim();
    start = end + 1;
    if (inBlock) {
      const end = text.indexOf('*/');
      if (end < 0) continue;
      inBlock = false;
      text = text.slice(end + 2).trim();
    }
    if (text === '') continue;
    if (text.startsWith('//')) {
      out.push({ text, line: index + 1 });
      continue;
    }
    if (text.startsWith('/*')) {
      const end = text.indexOf('*/', 2);
      if (end < 0) {
        inBlock = true;
        continue;
      }
      if (text.slice(end + 2).trim() === '') continue;
    }
    // The package clause (or anything else) ends the header.
    break;
  }
  return out;
}

/** The release whose default experiments `defaultExperiments` lists. */
const defaultExperimentsMinor = 26;
/** The experiments go1.26 enables by default on linux/amd64 (internal/buildcfg's baseline), as build tags. */
const defaultExperiments = ['regabiwrappers', 'regabiargs', 'dwarf5', 'randomizedheapbase64', 'greenteagc'].map((name) => `goexperiment.${name}`);

/** Whether the go command sets `tag` when building for linux/amd64 with gc at go1.`goMinor` (no GOEXPERIMENT, no -tags). */
function tagIsSet(tag: string, goMinor: number): boolean {
  if (['linux', 'amd64', 'unix', 'gc', 'amd64.v1'].includes(tag)) return true;
  if (defaultExperiments.includes(tag)) return true;
  const release = /^go1\.(\d+)$/.exec(tag);
  if (release !== null) return Number(release[1]) >= 1 && Number(release[1]) <= goMinor;
  return false;
}

/** A build constraint expression. */
type Expr = { kind: 'tag'; tag: string } | { kind: 'not'; x: Expr } | { kind: 'and' | 'or'; x: Expr; y: Expr };

/** Parses `expr` with Go's precedence: `!` binds tighter than `&&`, which binds tighter than `||`. */
function parseConstraint(text: string): Expr {
  const tokens = text.match(/&&|\|\||[!()]|[A-Za-z0-9_.]+|\S/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const or = (): Expr => {
    let x = and();
    while (peek() === '||') {
      position++;
      x = { kind: 'or', x, y: and() };
    }
    return x;
  };
  const and = (): Expr => {
    let x = not();
    while (peek() === '&&') {
      position++;
      x = { kind: 'and', x, y: not() };
    }
    return x;
  };
  const not = (): Expr => {
    const token = peek();
    if (token === '!') {
      position++;
      return { kind: 'not', x: not() };
    }
    if (token === '(') {
      position++;
      const x = or();
      if (peek() !== ')') throw new Error('missing )');
      position++;
      return x;
    }
    if (token === undefined || !/^[A-Za-z0-9_.]+$/.test(token)) throw new Error('expected a tag');
    position++;
    return { kind: 'tag', tag: token };
  };
  const expression = or();
  if (position !== tokens.length) throw new Error('unexpected token');
  return expression;
}

function tagsOf(x: Expr): string[] {
  if (x.kind === 'tag') return [x.tag];
  if (x.kind === 'not') return tagsOf(x.x);
  return [...tagsOf(x.x), ...tagsOf(x.y)];
}

function evaluate(x: Expr, isSet: (tag: string) => boolean): boolean {
  switch (x.kind) {
    case 'tag':
      return isSet(x.tag);
    case 'not':
      return !evaluate(x.x, isSet);
    case 'and':
      return evaluate(x.x, isSet) && evaluate(x.y, isSet);
    case 'or':
      return evaluate(x.x, isSet) || evaluate(x.y, isSet);
  }
}

/** The minimum Go minor version `x` implies (or `!x` when `sign` is negative); -1 for none (go/build/constraint's rule). */
function minVersion(x: Expr, sign: number): number {
  switch (x.kind) {
    case 'and':
      return sign < 0 ? Math.min(minVersion(x.x, sign), minVersion(x.y, sign)) : Math.max(minVersion(x.x, sign), minVersion(x.y, sign));
    case 'or':
      return sign < 0 ? Math.max(minVersion(x.x, sign), minVersion(x.y, sign)) : Math.min(minVersion(x.x, sign), minVersion(x.y, sign));
    case 'not':
      return minVersion(x.x, -sign);
    case 'tag': {
      if (sign < 0) return -1;
      if (x.tag === 'go1') return 0;
      const release = /^go1\.(\d+)$/.exec(x.tag);
      return release === null ? -1 : Number(release[1]);
    }
  }
}
