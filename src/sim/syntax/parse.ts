/**
 * `parse`: Go source text to the typed AST of ./ast.ts, with gc's positions and gc's syntax
 * error messages where we can match them.
 *
 * Steps: the scanner (./scanner.ts) looks for lexical errors and unbalanced brackets, which it
 * reports in gc's words; a hand-written parser (./fastparse.ts) builds tree-sitter-go's tree
 * as plain `SyntaxNode`s for well-formed files; for anything else tree-sitter parses the text
 * and one iterative walk copies its tree into the same `SyntaxNode`s (crossing into wasm once
 * per node); a recursive conversion with an explicit depth limit builds the AST. Anything
 * tree-sitter could not parse that the scanner did not explain becomes a generic
 * `syntax error: unexpected ...` at its position.
 */
import type { Diagnostic } from '../api.ts';
import type * as ast from './ast.ts';
import type { Language, Tree } from 'web-tree-sitter';
import type { GoParser } from './load.ts';
import { maxNestingDepth, maxSourceLength, parseTimeBudget } from './limits.ts';
import { makeLineTable } from './lines.ts';
import { fastParse } from './fastparse.ts';
import { scan } from './scanner.ts';

/** The result of parsing one file. */
export interface ParseResult {
  /** The AST; present even when there are errors (erroneous parts become `BadExpr`s or are dropped). */
  file: ast.File;
  /** Syntax errors in gc's format, then `not modeled:` notes; empty for a well-formed file. */
  diagnostics: Diagnostic[];
}


/** A tree-sitter node copied out of wasm memory (or built by ./fastparse.ts in the same shape). */
export interface SyntaxNode {
  /** tree-sitter's node type (`call_expression`, `(`...). */
  type: string;
  /** The field name under which the parent holds it, if any. */
  field: string | null;
  /** Whether tree-sitter names the type (tokens like `(` are anonymous). */
  named: boolean;
  /** Whether tree-sitter inserted the node to recover from an error. */
  missing: boolean;
  /** String offset of the first character. */
  start: number;
  /** String offset past the last character. */
  end: number;
  /** Child nodes, comments excluded. */
  children: SyntaxNode[];
}

/** A comment with its offset, for directives. */
export interface Comment {
  /** Offset of `//`. */
  start: number;
  /** The comment text. */
  text: string;
}

/** Thrown inside the conversion when nesting is too deep; caught by `parse`. */
class NestingTooDeep extends Error {
  /** Offset where the limit was hit. */
  offset: number;
  constructor(offset: number) {
    super('nesting too deep');
    this.offset = offset;
  }
}

/** The moves and reads of a tree walk, each one call into wasm. */
interface Walk {
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
  typeId(): number;
  fieldId(): number;
  missing(): boolean;
  start(): number;
  end(): number;
  /** Frees the cursor. */
  done(): void;
}

/**
 * A walk over `tree`: straight through the runtime's cursor functions when it has them (the
 * cursor stays in wasm memory), else through the `TreeCursor` class.
 */
function walkOf(goParser: GoParser, tree: Tree): Walk {
  const cursor = tree.walk();
  const raw = goParser.raw;
  if (raw === null) {
    return {
      firstChild: () => cursor.gotoFirstChild(), nextSibling: () => cursor.gotoNextSibling(), parent: () => cursor.gotoParent(),
      typeId: () => cursor.nodeTypeId, fieldId: () => cursor.currentFieldId, missing: () => cursor.nodeIsMissing,
      start: () => cursor.startIndex, end: () => cursor.endIndex, done: () => cursor.delete(),
    };
  }
  // `tree.walk()` left the new cursor in the transfer buffer; nothing else runs until `done`.
  const address = (tree as unknown as { 0: number })[0];
  return {
    firstChild: () => raw._ts_tree_cursor_goto_first_child_wasm(address) === 1,
    nextSibling: () => raw._ts_tree_cursor_goto_next_sibling_wasm(address) === 1,
    parent: () => raw._ts_tree_cursor_goto_parent_wasm(address) === 1,
    typeId: () => raw._ts_tree_cursor_current_node_type_id_wasm(address),
    fieldId: () => raw._ts_tree_cursor_current_field_id_wasm(address),
    missing: () => raw._ts_tree_cursor_current_node_is_missing_wasm(address) === 1,
    start: () => raw._ts_tree_cursor_start_index_wasm(address),
    end: () => raw._ts_tree_cursor_end_index_wasm(address),
    // The class's copy of the cursor is stale (its stack may have moved): free the buffer's.
    done: () => raw._ts_tree_cursor_delete_wasm(address),
  };
}

/** Copies the tree-sitter tree into plain objects without recursion. */
export function copyTree(goParser: GoParser, source: string): { root: SyntaxNode; comments: Comment[]; errors: number[] } | null {
  const deadline = performance.now() + parseTimeBudget;
  // Returning true from the progress callback cancels the parse (typed as void upstream).
  const progressCallback = ((): boolean => performance.now() > deadline) as () => void;
  const tree = goParser.parser.parse(source, null, { progressCallback });
  if (tree === null) {
    goParser.parser.reset();
    return null;
  }
  // Read numbers and map them through the language's tables, and ask whether a node is
  // missing only for empty nodes (missing nodes are empty).
  const language = tree.language;
  const typeNames = language.types;
  const fieldNames = language.fields;
  const namedByType = namedTable(language);
  try {
    const walk = walkOf(goParser, tree);
    const root: SyntaxNode = {
      type: typeNames[walk.typeId()] ?? 'ERROR', field: null, named: true, missing: false,
      start: walk.start(), end: walk.end(), children: [],
    };
    const comments: Comment[] = [];
    // Offsets of every ERROR and MISSING node: the conversion may skip the parts they sit in.
    const errors: number[] = [];
    const stack: SyntaxNode[] = [root];
    if (walk.firstChild()) {
      for (;;) {
        const parent = stack[stack.length - 1] as SyntaxNode;
        const typeId = walk.typeId();
        const type = typeNames[typeId] ?? 'ERROR';
        const start = walk.start();
        const end = walk.end();
        let descended = false;
        if (type === 'comment') {
          comments.push({ start, text: source.slice(start, end) });
        } else {
          const node: SyntaxNode = {
            type, field: fieldNames[walk.fieldId()] ?? null, named: namedByType[typeId] ?? type === 'ERROR',
            missing: start === end && walk.missing(), start, end, children: [],
          };
          parent.children.push(node);
          if (node.missing || type === 'ERROR') errors.push(start);
          if (walk.firstChild()) {
            stack.push(node);
            descended = true;
          }
        }
        if (descended) continue;
        while (!walk.nextSibling()) {
          if (!walk.parent() || stack.length <= 1) {
            walk.done();
            return { root, comments, errors };
          }
          stack.pop();
        }
      }
    }
    walk.done();
    return { root, comments, errors };
  } finally {
    tree.delete();
  }
}

const namedTables = new WeakMap<Language, boolean[]>();

/** Whether each node type of the language is named, by type id (computed once). */
function namedTable(language: Language): boolean[] {
  let table = namedTables.get(language);
  if (table === undefined) {
    table = language.types.map((_, typeId) => language.nodeTypeIsNamed(typeId));
    namedTables.set(language, table);
  }
  return table;
}

/**
 * tree-sitter-go's tree for `source` (after the scanner found no error): from ./fastparse.ts
 * when it reads the file (well-formed Go), else from tree-sitter itself. Null when tree-sitter
 * ran out of time.
 */
function syntaxTree(goParser: GoParser, source: string): { root: SyntaxNode; comments: Comment[]; errors: number[] } | null {
  return fastParse(source) ?? copyTree(goParser, source);
}

/** Parses one Go file. Never throws: every problem is a diagnostic. */
export function parse(goParser: GoParser, source: string): ParseResult {
  const lines = makeLineTable(source);
  const emptyFile = (): ast.File => ({
    kind: 'File', pos: { line: 1, column: 1 }, start: 0, end: source.length,
    packageName: { kind: 'Name', value: '', pos: { line: 1, column: 1 }, start: 0, end: 0 },
    declarations: [], source, lines, notModeled: true,
  });
  if (source.length > maxSourceLength) {
    return {
      file: emptyFile(),
      diagnostics: [{ line: 1, column: 1, message: `not modeled: source files larger than ${maxSourceLength / 1024} KiB` }],
    };
  }
  const scanned = scan(source, lines);
  if (scanned.nestingTooDeep !== null) {
    const position = lines.position(scanned.nestingTooDeep);
    return {
      file: emptyFile(),
      diagnostics: [...scanned.diagnostics, { ...position, message: `not modeled: nesting deeper than ${maxNestingDepth} levels` }],
    };
  }
  // A file with a lexical or bracket error fails to compile whatever else it holds; its tree
  // would not be checked, and tree-sitter's error recovery on such input (binary data) is slow.
  if (scanned.diagnostics.length > 0) return { file: emptyFile(), diagnostics: scanned.diagnostics };
  const copied = syntaxTree(goParser, source);
  if (copied === null) {
    const gaveUp = { line: 1, column: 1, message: `not modeled: files that take the parser longer than ${parseTimeBudget} ms` };
    return { file: emptyFile(), diagnostics: [gaveUp] };
  }
  const converter = new Converter(source, lines, copied.comments);
  let file: ast.File;
  try {
    file = converter.file(copied.root);
  } catch (error) {
    // The API never throws: a converter bug becomes a plain "not modeled".
    const message = error instanceof NestingTooDeep ? `not modeled: nesting deeper than ${maxNestingDepth} levels`
      : `not modeled: this file (the parser failed: ${error instanceof Error ? error.message : String(error)})`;
    return { file: emptyFile(), diagnostics: [{ ...lines.position(error instanceof NestingTooDeep ? error.offset : 0), message }] };
  }
  converter.syntaxErrors.push(...copied.errors.filter((offset) => !converter.repaired.has(offset)).map((offset) => ({ offset })));
  const diagnostics: Diagnostic[] = [...converter.directiveErrors];
  if (converter.syntaxErrors.length > 0) {
    const first = converter.syntaxErrors.sort((a, b) => a.offset - b.offset)[0];
    if (first !== undefined) {
      // tree-sitter-go reads Go 1.26's `new(expression)` as a syntax error, sometimes reported
      // far from the call: any error inside `new(...)` means the file is not modelled.
      const newCall = converter.syntaxErrors.map((error) => scanned.insideNew(error.offset)).find((offset) => offset !== null) ?? null;
      // It does not read a method expression on a type literal either (`interface{ M() }.M`).
      const literalMethod = newCall === null ? scanned.typeLiteralMethodExpr() : null;
      if (newCall !== null) {
        diagnostics.push({ ...lines.position(newCall), message: 'not modeled: new with an expression argument (Go 1.26)' });
      } else if (literalMethod !== null) {
        diagnostics.push({ ...lines.position(literalMethod), message: 'not modeled: a method expression on a type literal (interface{ M() }.M)' });
      } else {
        const described = scanned.syntaxErrorNear(first.offset);
        diagnostics.push({ ...lines.position(described.start), message: described.message });
      }
    }
  }
  diagnostics.push(...converter.notModeled);
  return { file, diagnostics };
}

/** Directives only the runtime may use (gc's runtimePragmas). */
const runtimeOnlyDirectives = new Set(['systemstack', 'nowritebarrier', 'nowritebarrierrec', 'yeswritebarrierrec']);

const noPragmas = (): ast.Pragmas => ({ noinline: false, noescape: false, nosplit: false, uintptrescapes: false, other: [] });

/** Converts the copied tree-sitter tree into the AST. */
class Converter {
  /** The source text. */
  source: string;
  /** Offset-to-position table. */
  lines: ast.LineTable;
  /** Comments in source order. */
  comments: Comment[];
  /** Index of the next comment not yet attached to a declaration. */
  nextComment = 0;
  /** Offsets of ERROR and MISSING nodes. */
  syntaxErrors: { offset: number }[] = [];
  /** Offsets of ERROR nodes around valid Go that tree-sitter-go rejects, read as gc reads them. */
  repaired = new Set<number>();
  /** `not modeled:` diagnostics for constructs outside the subset. */
  notModeled: Diagnostic[] = [];
  /** Directives gc refuses outside the runtime or the standard library. */
  directiveErrors: Diagnostic[] = [];
  /** Current nesting depth of the conversion. */
  depth = 0;

  constructor(source: string, lines: ast.LineTable, comments: Comment[]) {
    this.source = source;
    this.lines = lines;
    this.comments = comments;
  }

  // --- helpers -------------------------------------------------------------------------------

  base(node: SyntaxNode, posOffset: number = node.start): ast.NodeBase {
    return { pos: this.lines.position(posOffset), start: node.start, end: node.end };
  }

  text(node: SyntaxNode): string {
    return this.source.slice(node.start, node.end);
  }

  field(node: SyntaxNode, name: string): SyntaxNode | null {
    for (const child of node.children) if (child.field === name) return child;
    return null;
  }

  fields(node: SyntaxNode, name: string): SyntaxNode[] {
    return node.children.filter((child) => child.field === name && child.named);
  }

  named(node: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    // ERROR nodes are already recorded by copyTree.
    for (const child of node.children) if (child.named && child.type !== 'ERROR') out.push(child);
    return out;
  }

  token(node: SyntaxNode, type: string): SyntaxNode | null {
    for (const child of node.children) if (child.type === type && !child.named) return child;
    return null;
  }

  unsupported(node: SyntaxNode, what: string): void {
    this.notModeled.push({ ...this.lines.position(node.start), message: `not modeled: ${what}` });
  }

  enter(node: SyntaxNode): void {
    if (++this.depth > maxNestingDepth) throw new NestingTooDeep(node.start);
  }

  bad(node: SyntaxNode): ast.BadExpr {
    this.syntaxErrors.push({ offset: node.start });
    return { kind: 'BadExpr', ...this.base(node) };
  }

  name(node: SyntaxNode): ast.Name {
    if (node.missing) this.syntaxErrors.push({ offset: node.start });
    return { kind: 'Name', value: this.text(node), ...this.base(node) };
  }

  // --- file and declarations ----------------------------------------------------------------

  file(root: SyntaxNode): ast.File {
    const declarations: ast.Decl[] = [];
    let packageName: ast.Name | null = null;
    for (const child of root.children) {
      // Directives apply to the declaration that follows them: those above or inside any other
      // declaration are not a function's.
      if (child.type !== 'function_declaration' && child.type !== 'method_declaration') this.skipCommentsBefore(child.end);
      if (child.type === 'ERROR' || child.missing) {
        this.syntaxErrors.push({ offset: child.start });
        continue;
      }
      switch (child.type) {
        case 'package_clause': {
          const identifier = this.named(child)[0];
          packageName = identifier === undefined ? null : this.name(identifier);
          break;
        }
        case 'import_declaration':
          for (const spec of this.importSpecs(child)) declarations.push(this.importSpec(spec));
          break;
        case 'function_declaration':
        case 'method_declaration':
          declarations.push(this.funcDecl(child));
          break;
        case 'const_declaration':
        case 'var_declaration':
        case 'type_declaration':
          declarations.push(...this.declaration(child));
          break;
        default:
          if (child.named) this.syntaxErrors.push({ offset: child.start });
      }
    }
    if (packageName === null) {
      this.syntaxErrors.push({ offset: 0 });
      packageName = { kind: 'Name', value: '', pos: { line: 1, column: 1 }, start: 0, end: 0 };
    }
    return {
      kind: 'File', ...this.base(root, 0), packageName, declarations,
      source: this.source, lines: this.lines, notModeled: this.notModeled.length > 0,
    };
  }

  importSpecs(node: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const child of this.named(node)) {
      if (child.type === 'import_spec') out.push(child);
      else if (child.type === 'import_spec_list') out.push(...this.named(child).filter((c) => c.type === 'import_spec'));
    }
    return out;
  }

  importSpec(node: SyntaxNode): ast.ImportDecl {
    const nameNode = this.field(node, 'name');
    const pathNode = this.field(node, 'path') ?? node;
    return {
      kind: 'ImportDecl', ...this.base(node),
      localName: nameNode === null ? null : this.name(nameNode),
      path: this.basicLit(pathNode),
    };
  }

  /** The `//go:` directives between the previous declaration and `offset`. */
  pragmasBefore(offset: number): ast.Pragmas {
    const pragmas = noPragmas();
    while (this.nextComment < this.comments.length) {
      const comment = this.comments[this.nextComment] as Comment;
      if (comment.start >= offset) break;
      this.nextComment++;
      const directive = /^\/\/go:(\S+)/.exec(comment.text);
      if (directive === null) continue;
      const verb = directive[1] ?? '';
      if (runtimeOnlyDirectives.has(verb)) {
        // gc positions directive errors just after the `//`.
        this.directiveErrors.push({ ...this.lines.position(comment.start + 2), message: `//go:${verb} only allowed in runtime` });
      } else if (verb === 'uintptrkeepalive') {
        this.directiveErrors.push({ ...this.lines.position(comment.start + 2), message: `//go:${verb} is only allowed in the standard library` });
      }
      switch (directive[1]) {
        case 'noinline': pragmas.noinline = true; break;
        case 'noescape': pragmas.noescape = true; break;
        case 'nosplit': pragmas.nosplit = true; break;
        case 'uintptrescapes': pragmas.uintptrescapes = true; break;
        default: pragmas.other.push(comment.text.trim());
      }
    }
    return pragmas;
  }

  /** Passes over the comments that start before `offset`. */
  skipCommentsBefore(offset: number): void {
    while (this.nextComment < this.comments.length && (this.comments[this.nextComment] as Comment).start < offset) this.nextComment++;
  }

  funcDecl(node: SyntaxNode): ast.FuncDecl {
    const pragmas = this.pragmasBefore(node.start);
    this.skipCommentsBefore(node.end);
    const receiverList = this.field(node, 'receiver');
    let recv: ast.Field | null = null;
    if (receiverList !== null) {
      const receivers = this.parameters(receiverList);
      recv = receivers[0] ?? null;
      if (receivers.length !== 1) this.syntaxErrors.push({ offset: receiverList.start });
    }
    const nameNode = this.field(node, 'name');
    const typeParams = this.field(node, 'type_parameters');
    if (typeParams !== null) this.unsupported(typeParams, 'generic functions');
    const body = this.field(node, 'body');
    const name = nameNode === null ? { kind: 'Name' as const, value: '_', ...this.base(node) } : this.name(nameNode);
    return {
      kind: 'FuncDecl', ...this.base(node, (nameNode ?? node).start), recv, name,
      type: this.signature(node, node.start), body: body === null ? null : this.block(body),
      pragmas, hasTypeParams: typeParams !== null,
    };
  }

  /** Const, var and type declarations: one Decl per spec. */
  declaration(node: SyntaxNode): ast.Decl[] {
    const out: ast.Decl[] = [];
    let specs = this.named(node);
    if (node.type === 'var_declaration') {
      specs = specs.flatMap((spec) => (spec.type === 'var_spec_list' ? this.named(spec) : [spec]));
    }
    let group: ast.ConstDecl | null = null;
    let iota = 0;
    for (const spec of specs) {
      switch (spec.type) {
        case 'const_spec': {
          const typeNode = this.field(spec, 'type');
          const valueNode = this.field(spec, 'value');
          const decl: ast.ConstDecl = {
            kind: 'ConstDecl', ...this.base(spec),
            names: this.fields(spec, 'name').map((n) => this.name(n)),
            type: typeNode === null ? null : this.expr(typeNode),
            values: valueNode === null ? [] : this.exprList(valueNode),
            iota, group: null,
          };
          if (decl.values.length > 0 || decl.type !== null) group = decl;
          decl.group = group;
          out.push(decl);
          iota++;
          break;
        }
        case 'var_spec': {
          const typeNode = this.field(spec, 'type');
          const valueNode = this.field(spec, 'value');
          out.push({
            kind: 'VarDecl', ...this.base(spec),
            names: this.fields(spec, 'name').map((n) => this.name(n)),
            type: typeNode === null ? null : this.expr(typeNode),
            values: valueNode === null ? [] : this.exprList(valueNode),
          });
          break;
        }
        case 'type_spec':
        case 'type_alias': {
          const nameNode = this.field(spec, 'name') ?? spec;
          const typeNode = this.field(spec, 'type');
          const typeParams = this.field(spec, 'type_parameters');
          if (typeParams !== null) this.unsupported(typeParams, 'generic types');
          out.push({
            kind: 'TypeDecl', ...this.base(spec), name: this.name(nameNode),
            alias: spec.type === 'type_alias',
            type: typeNode === null ? this.bad(spec) : this.expr(typeNode),
            hasTypeParams: typeParams !== null,
          });
          break;
        }
        default:
          this.syntaxErrors.push({ offset: spec.start });
      }
    }
    return out;
  }

  // --- types ---------------------------------------------------------------------------------

  /** Parameters and results of a function_declaration, func_literal, function_type or method_elem. */
  signature(node: SyntaxNode, posOffset: number): ast.FuncType {
    const parametersNode = this.field(node, 'parameters');
    const resultNode = this.field(node, 'result');
    let results: ast.Field[] = [];
    if (resultNode !== null) {
      results = resultNode.type === 'parameter_list'
        ? this.parameters(resultNode)
        : [{ kind: 'Field', ...this.base(resultNode), name: null, type: this.expr(resultNode) }];
    }
    return {
      kind: 'FuncType', ...this.base(node, posOffset),
      params: parametersNode === null ? [] : this.parameters(parametersNode),
      results,
    };
  }

  parameters(list: SyntaxNode): ast.Field[] {
    const out: ast.Field[] = [];
    for (const declaration of this.named(list)) {
      const typeNode = this.field(declaration, 'type');
      let type: ast.Expr = typeNode === null ? this.bad(declaration) : this.expr(typeNode);
      if (declaration.type === 'variadic_parameter_declaration') {
        const dots = this.token(declaration, '...');
        type = { kind: 'DotsType', ...this.base({ ...declaration, start: dots?.start ?? declaration.start }), element: type };
      }
      const names = this.fields(declaration, 'name');
      if (names.length === 0) {
        out.push({ kind: 'Field', ...this.base(declaration), name: null, type });
      } else {
        for (const nameNode of names) {
          out.push({ kind: 'Field', ...this.base(nameNode), end: declaration.end, name: this.name(nameNode), type });
        }
      }
    }
    // Go's grouping: in `(a, b, c int)` every entry is named once one is, so a lone identifier
    // before a named entry is a name sharing the type that follows it.
    if (out.some((field) => field.name !== null)) {
      let shared: ast.Expr | null = null;
      for (let index = out.length - 1; index >= 0; index--) {
        const field = out[index] as ast.Field;
        if (field.name !== null) shared = field.type;
        else if (field.type.kind === 'Name' && shared !== null) out[index] = { ...field, name: field.type, type: shared };
      }
    }
    return out;
  }

  structType(node: SyntaxNode): ast.StructType {
    const fields: ast.Field[] = [];
    const tags: (ast.BasicLit | null)[] = [];
    const list = this.named(node).find((c) => c.type === 'field_declaration_list');
    for (const declaration of list === undefined ? [] : this.named(list)) {
      if (declaration.type !== 'field_declaration') continue;
      const typeNode = this.field(declaration, 'type');
      const tagNode = this.field(declaration, 'tag');
      const tag = tagNode === null ? null : this.basicLit(tagNode);
      const names = this.fields(declaration, 'name');
      if (typeNode === null) {
        this.syntaxErrors.push({ offset: declaration.start });
        continue;
      }
      if (names.length === 0) {
        // Embedded field: `T`, `*T`, `pkg.T`, `*pkg.T`.
        let type = this.expr(typeNode);
        const star = this.token(declaration, '*');
        if (star !== null) {
          type = { kind: 'Operation', ...this.base({ ...declaration, start: star.start, end: typeNode.end }), op: '*', x: type, y: null };
        }
        fields.push({ kind: 'Field', ...this.base(declaration), name: null, type });
        tags.push(tag);
      } else {
        const type = this.expr(typeNode);
        for (const nameNode of names) {
          fields.push({ kind: 'Field', ...this.base(nameNode), end: declaration.end, name: this.name(nameNode), type });
          tags.push(tag);
        }
      }
    }
    return { kind: 'StructType', ...this.base(node), fields, tags };
  }

  interfaceType(node: SyntaxNode): ast.InterfaceType {
    const methods: ast.Field[] = [];
    for (const element of this.named(node)) {
      if (element.type === 'method_elem') {
        const nameNode = this.field(element, 'name') ?? element;
        methods.push({
          kind: 'Field', ...this.base(element), name: this.name(nameNode),
          type: this.signature(element, element.start),
        });
      } else if (element.type === 'type_elem') {
        const parts = this.named(element);
        const only = parts[0];
        if (parts.length !== 1 || only === undefined || !['type_identifier', 'qualified_type'].includes(only.type)) {
          this.unsupported(element, 'type constraints and unions in interfaces');
          continue;
        }
        methods.push({ kind: 'Field', ...this.base(element), name: null, type: this.expr(only) });
      }
    }
    return { kind: 'InterfaceType', ...this.base(node), methods };
  }

  // --- expressions ---------------------------------------------------------------------------

  exprList(node: SyntaxNode): ast.Expr[] {
    if (node.type !== 'expression_list') return [this.expr(node)];
    return this.named(node).map((child) => this.expr(child));
  }

  basicLit(node: SyntaxNode): ast.BasicLit {
    const kinds: Record<string, ast.LiteralKind> = {
      int_literal: 'int', float_literal: 'float', imaginary_literal: 'imag', rune_literal: 'rune',
      interpreted_string_literal: 'string', raw_string_literal: 'string',
    };
    return { kind: 'BasicLit', ...this.base(node), value: this.text(node), literalKind: kinds[node.type] ?? 'string' };
  }

  expr(node: SyntaxNode): ast.Expr {
    this.enter(node);
    try {
      return this.exprInner(node);
    } finally {
      this.depth--;
    }
  }

  exprInner(node: SyntaxNode): ast.Expr {
    if (node.missing || node.type === 'ERROR') return this.bad(node);
    switch (node.type) {
      case 'identifier':
      case 'type_identifier':
      case 'field_identifier':
      case 'package_identifier':
      case 'blank_identifier':
      case 'iota':
      case 'nil':
      case 'true':
      case 'false':
        return this.name(node);
      case 'int_literal':
      case 'float_literal':
      case 'imaginary_literal':
      case 'rune_literal':
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return this.basicLit(node);
      case 'parenthesized_expression':
      case 'parenthesized_type': {
        const inner = this.named(node)[0];
        return { kind: 'ParenExpr', ...this.base(node), x: inner === undefined ? this.bad(node) : this.expr(inner) };
      }
      case 'unary_expression': {
        const operator = this.field(node, 'operator');
        const operand = this.field(node, 'operand');
        return {
          kind: 'Operation', ...this.base(node), op: (operator === null ? '+' : this.text(operator)) as ast.Operator,
          x: operand === null ? this.bad(node) : this.expr(operand), y: null,
        };
      }
      case 'binary_expression': {
        const operator = this.field(node, 'operator');
        const left = this.field(node, 'left');
        const right = this.field(node, 'right');
        return {
          kind: 'Operation', ...this.base(node, operator?.start ?? node.start),
          op: (operator === null ? '+' : this.text(operator)) as ast.Operator,
          x: left === null ? this.bad(node) : this.expr(left),
          y: right === null ? this.bad(node) : this.expr(right),
        };
      }
      case 'selector_expression':
      case 'qualified_type': {
        const operand = this.field(node, node.type === 'qualified_type' ? 'package' : 'operand');
        const selector = this.field(node, node.type === 'qualified_type' ? 'name' : 'field');
        const dot = this.token(node, '.');
        return {
          kind: 'SelectorExpr', ...this.base(node, dot?.start ?? node.start),
          x: operand === null ? this.bad(node) : this.expr(operand),
          selector: selector === null ? { kind: 'Name', value: '_', ...this.base(node) } : this.name(selector),
        };
      }
      case 'index_expression': {
        const operand = this.field(node, 'operand');
        const index = this.field(node, 'index');
        const bracket = this.token(node, '[');
        return {
          kind: 'IndexExpr', ...this.base(node, bracket?.start ?? node.start),
          x: operand === null ? this.bad(node) : this.expr(operand),
          index: index === null ? this.bad(node) : this.expr(index),
        };
      }
      case 'slice_expression': {
        const operand = this.field(node, 'operand');
        const bracket = this.token(node, '[');
        const part = (name: string): ast.Expr | null => {
          const child = this.field(node, name);
          return child === null ? null : this.expr(child);
        };
        const colons = node.children.filter((c) => c.type === ':').length;
        return {
          kind: 'SliceExpr', ...this.base(node, bracket?.start ?? node.start),
          x: operand === null ? this.bad(node) : this.expr(operand),
          index: [part('start'), part('end'), part('capacity')], full: colons === 2,
        };
      }
      case 'type_assertion_expression': {
        const operand = this.field(node, 'operand');
        const type = this.field(node, 'type');
        const dot = this.token(node, '.');
        return {
          kind: 'AssertExpr', ...this.base(node, dot?.start ?? node.start),
          x: operand === null ? this.bad(node) : this.expr(operand),
          type: type === null ? this.bad(node) : this.expr(type),
        };
      }
      case 'call_expression': {
        const fun = this.field(node, 'function');
        const typeArguments = this.field(node, 'type_arguments');
        if (typeArguments !== null) this.unsupported(typeArguments, 'generic function instantiation');
        const argumentList = this.field(node, 'arguments');
        return this.call(node, fun === null ? this.bad(node) : this.expr(fun), argumentList);
      }
      case 'type_conversion_expression': {
        const type = this.field(node, 'type');
        const operand = this.field(node, 'operand');
        const open = node.children.filter((c) => c.type === '(' && c.field === null).pop();
        const close = this.token(node, ')');
        const call = (fun: ast.Expr, start: number): ast.CallExpr => ({
          kind: 'CallExpr', pos: this.lines.position(open?.start ?? start), start, end: node.end, fun,
          args: operand === null ? [] : [this.expr(operand)], hasDots: false,
          rparen: this.lines.position(close?.start ?? node.end),
        });
        // `*(T)(x)` is a dereference of the conversion `(T)(x)`, not a conversion to `*(T)`:
        // a pointer type must be parenthesized to be converted to.
        if (type?.type === 'pointer_type') {
          const inner = this.named(type)[0];
          if (inner !== undefined) {
            return { kind: 'Operation', ...this.base(node), op: '*', x: call(this.expr(inner), inner.start), y: null };
          }
        }
        return call(type === null ? this.bad(node) : this.expr(type), node.start);
      }
      case 'composite_literal':
        return this.compositeLit(node);
      case 'func_literal': {
        const body = this.field(node, 'body');
        return {
          kind: 'FuncLit', ...this.base(node), type: this.signature(node, node.start),
          body: body === null ? this.emptyBlock(node) : this.block(body),
        };
      }
      case 'pointer_type': {
        const inner = this.named(node)[0];
        return { kind: 'Operation', ...this.base(node), op: '*', x: inner === undefined ? this.bad(node) : this.expr(inner), y: null };
      }
      case 'array_type': {
        const length = this.field(node, 'length');
        const element = this.field(node, 'element');
        return {
          kind: 'ArrayType', ...this.base(node), length: length === null ? this.bad(node) : this.expr(length),
          element: element === null ? this.bad(node) : this.expr(element),
        };
      }
      case 'implicit_length_array_type': {
        const element = this.field(node, 'element');
        return { kind: 'ArrayType', ...this.base(node), length: null, element: element === null ? this.bad(node) : this.expr(element) };
      }
      case 'slice_type': {
        const element = this.field(node, 'element');
        return { kind: 'SliceType', ...this.base(node), element: element === null ? this.bad(node) : this.expr(element) };
      }
      case 'map_type': {
        const key = this.field(node, 'key');
        const value = this.field(node, 'value');
        return {
          kind: 'MapType', ...this.base(node), key: key === null ? this.bad(node) : this.expr(key),
          value: value === null ? this.bad(node) : this.expr(value),
        };
      }
      case 'channel_type': {
        const value = this.field(node, 'value');
        const first = node.children[0];
        const arrowAfterChan = node.children.findIndex((c) => c.type === '<-') > 0;
        const dir: ast.ChanDir = first?.type === '<-' ? 'recv' : arrowAfterChan ? 'send' : 'both';
        return { kind: 'ChanType', ...this.base(node), dir, element: value === null ? this.bad(node) : this.expr(value) };
      }
      case 'function_type':
        return this.signature(node, node.start);
      case 'struct_type':
        return this.structType(node);
      case 'interface_type':
        return this.interfaceType(node);
      case 'generic_type':
      case 'type_instantiation_expression':
        this.unsupported(node, 'generic type instantiation');
        return { kind: 'BadExpr', ...this.base(node) };
      case 'negated_type':
        this.unsupported(node, 'type constraints');
        return { kind: 'BadExpr', ...this.base(node) };
      default:
        return this.bad(node);
    }
  }

  call(node: SyntaxNode, fun: ast.Expr, argumentList: SyntaxNode | null): ast.CallExpr {
    const args: ast.Expr[] = [];
    let hasDots = false;
    let open = node.start;
    let close = node.end;
    if (argumentList !== null) {
      open = argumentList.start;
      const closeToken = argumentList.children.find((c) => c.type === ')');
      if (closeToken !== undefined) close = closeToken.start;
      for (const child of argumentList.children) {
        if (!child.named || child.type === 'ERROR') continue;
        if (child.type === 'variadic_argument') {
          hasDots = true;
          const inner = this.named(child)[0];
          args.push(inner === undefined ? this.bad(child) : this.expr(inner));
        } else {
          args.push(this.expr(child));
        }
      }
    }
    return { kind: 'CallExpr', ...this.base(node, open), fun, args, hasDots, rparen: this.lines.position(close) };
  }

  compositeLit(node: SyntaxNode): ast.CompositeLit {
    const typeNode = this.field(node, 'type');
    const body = this.field(node, 'body');
    return this.literalValue(body ?? node, typeNode === null ? null : this.expr(typeNode), node);
  }

  /** A `literal_value` body (`{...}`) with the literal's type (null when elided). */
  literalValue(body: SyntaxNode, type: ast.Expr | null, whole: SyntaxNode): ast.CompositeLit {
    this.enter(body);
    try {
      const elements: ast.Expr[] = [];
      let keyedCount = 0;
      const element = (node: SyntaxNode): ast.Expr => {
        const inner = node.type === 'literal_element' ? this.named(node)[0] : node;
        if (inner === undefined) return this.bad(node);
        if (inner.type === 'literal_value') return this.literalValue(inner, null, inner);
        return this.expr(inner);
      };
      for (const child of body.children) {
        if (child.type === 'keyed_element') {
          const key = this.field(child, 'key');
          const value = this.field(child, 'value');
          const colon = this.token(child, ':');
          keyedCount++;
          elements.push({
            kind: 'KeyValueExpr', ...this.base(child, colon?.start ?? child.start),
            key: key === null ? this.bad(child) : element(key),
            value: value === null ? this.bad(child) : element(value),
          });
        } else if (child.type === 'literal_element') {
          elements.push(element(child));
        }
      }
      const close = body.children.find((c) => c.type === '}');
      return {
        kind: 'CompositeLit', ...this.base(whole, body.start), type, elements, keyedCount,
        rbrace: this.lines.position(close?.start ?? body.end),
      };
    } finally {
      this.depth--;
    }
  }

  // --- statements ----------------------------------------------------------------------------

  emptyBlock(node: SyntaxNode): ast.BlockStmt {
    return { kind: 'BlockStmt', ...this.base(node), list: [], rbrace: this.lines.position(node.end) };
  }

  block(node: SyntaxNode): ast.BlockStmt {
    const list: ast.Stmt[] = [];
    let rbrace = node.end;
    for (const child of node.children) {
      if (child.type === 'statement_list') list.push(...this.statements(child));
      else if (child.type === '}' && !child.missing) rbrace = child.start;
    }
    return { kind: 'BlockStmt', ...this.base(node), list, rbrace: this.lines.position(rbrace) };
  }

  statements(list: SyntaxNode): ast.Stmt[] {
    const out: ast.Stmt[] = [];
    const children = list.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as SyntaxNode;
      if (!child.named || child.type === 'ERROR') continue;
      const statement = this.stmt(child);
      if (statement === null) continue;
      out.push(statement);
      // A label right before another label that ends the block (`A:\nB:\n}`): tree-sitter-go
      // reads the inner label as an expression statement and the last `:` as an error.
      const next = children[i + 1];
      if (statement.kind === 'LabeledStmt' && next?.type === 'ERROR' && i + 2 === children.length && this.text(next) === ':') {
        let inner: ast.LabeledStmt = statement;
        while (inner.stmt.kind === 'LabeledStmt') inner = inner.stmt;
        const x = inner.stmt.kind === 'ExprStmt' ? inner.stmt.x : null;
        if (x?.kind === 'Name') {
          inner.stmt = { kind: 'LabeledStmt', pos: x.pos, start: x.start, end: next.end, label: x, stmt: { kind: 'EmptyStmt', ...this.base({ ...next, start: next.end }) } };
          this.repaired.add(next.start);
        }
      }
    }
    return out;
  }

  /** Marks an ERROR child that is just the `;` of an empty init statement (`if ; cond {`, `switch ; {`), which gc accepts. */
  repairEmptyInit(node: SyntaxNode): void {
    if (this.field(node, 'initializer') !== null) return;
    const children = node.children;
    const error = children[1];
    if (children[0]?.named === false && error?.type === 'ERROR' && this.text(error) === ';') this.repaired.add(error.start);
  }

  stmt(node: SyntaxNode): ast.Stmt | null {
    this.enter(node);
    try {
      return this.stmtInner(node);
    } finally {
      this.depth--;
    }
  }

  simple(node: SyntaxNode | null): ast.Stmt | null {
    return node === null ? null : this.stmt(node);
  }

  stmtInner(node: SyntaxNode): ast.Stmt | null {
    switch (node.type) {
      case 'empty_statement':
        return { kind: 'EmptyStmt', ...this.base(node) };
      case 'block':
        return this.block(node);
      case 'expression_statement': {
        const inner = this.named(node)[0];
        const x = inner === undefined ? this.bad(node) : this.expr(inner);
        return { kind: 'ExprStmt', ...this.base(node), pos: x.pos, x };
      }
      case 'send_statement': {
        const channel = this.field(node, 'channel');
        const value = this.field(node, 'value');
        const arrow = this.token(node, '<-');
        return {
          kind: 'SendStmt', ...this.base(node, arrow?.start ?? node.start),
          chan: channel === null ? this.bad(node) : this.expr(channel),
          value: value === null ? this.bad(node) : this.expr(value),
        };
      }
      case 'inc_statement':
      case 'dec_statement': {
        const inner = this.named(node)[0];
        const operator = this.token(node, node.type === 'inc_statement' ? '++' : '--');
        return {
          kind: 'AssignStmt', ...this.base(node, operator?.start ?? node.start),
          op: node.type === 'inc_statement' ? '+' : '-', define: false,
          lhs: [inner === undefined ? this.bad(node) : this.expr(inner)], rhs: [],
        };
      }
      case 'assignment_statement': {
        const operator = this.field(node, 'operator');
        const left = this.field(node, 'left');
        const right = this.field(node, 'right');
        const text = operator === null ? '=' : this.text(operator);
        return {
          kind: 'AssignStmt', ...this.base(node, operator?.start ?? node.start),
          op: text === '=' ? null : (text.slice(0, -1) as ast.Operator), define: false,
          lhs: left === null ? [] : this.exprList(left), rhs: right === null ? [] : this.exprList(right),
        };
      }
      case 'short_var_declaration': {
        const operator = this.token(node, ':=');
        const left = this.field(node, 'left');
        const right = this.field(node, 'right');
        return {
          kind: 'AssignStmt', ...this.base(node, operator?.start ?? node.start), op: null, define: true,
          lhs: left === null ? [] : this.exprList(left), rhs: right === null ? [] : this.exprList(right),
        };
      }
      case 'labeled_statement': {
        const label = this.field(node, 'label');
        const inner = this.named(node).find((c) => c.field !== 'label');
        const statement = inner === undefined ? null : this.stmt(inner);
        return {
          kind: 'LabeledStmt', ...this.base(node), label: label === null ? { kind: 'Name', value: '_', ...this.base(node) } : this.name(label),
          stmt: statement ?? { kind: 'EmptyStmt', ...this.base({ ...node, start: node.end }) },
        };
      }
      case 'break_statement':
      case 'continue_statement':
      case 'goto_statement':
      case 'fallthrough_statement': {
        const label = this.named(node).find((c) => c.type === 'label_name');
        return {
          kind: 'BranchStmt', ...this.base(node), token: node.type.replace('_statement', '') as ast.BranchStmt['token'],
          label: label === undefined ? null : this.name(label),
        };
      }
      case 'return_statement': {
        const list = this.named(node)[0];
        return { kind: 'ReturnStmt', ...this.base(node), results: list === undefined ? [] : this.exprList(list) };
      }
      case 'go_statement':
      case 'defer_statement': {
        const inner = this.named(node)[0];
        return {
          kind: 'CallStmt', ...this.base(node), token: node.type === 'go_statement' ? 'go' : 'defer',
          call: inner === undefined ? this.bad(node) : this.expr(inner),
        };
      }
      case 'if_statement': {
        this.repairEmptyInit(node);
        const alternative = this.field(node, 'alternative');
        const condition = this.field(node, 'condition');
        const consequence = this.field(node, 'consequence');
        let elseBranch: ast.BlockStmt | ast.IfStmt | null = null;
        if (alternative !== null) {
          const converted = this.stmt(alternative);
          if (converted?.kind === 'BlockStmt' || converted?.kind === 'IfStmt') elseBranch = converted;
        }
        return {
          kind: 'IfStmt', ...this.base(node), init: this.simple(this.field(node, 'initializer')),
          cond: condition === null ? this.bad(node) : this.expr(condition),
          then: consequence === null ? this.emptyBlock(node) : this.block(consequence), else: elseBranch,
        };
      }
      case 'for_statement':
        return this.forStmt(node);
      case 'expression_switch_statement':
      case 'type_switch_statement':
        return this.switchStmt(node);
      case 'select_statement': {
        const body: ast.CommClause[] = [];
        for (const clause of this.named(node)) {
          const colon = this.token(clause, ':');
          const list = this.named(clause).find((c) => c.type === 'statement_list');
          const communication = this.field(clause, 'communication');
          body.push({
            kind: 'CommClause', ...this.base(clause),
            comm: clause.type === 'default_case' || communication === null ? null : this.commStmt(communication),
            body: list === undefined ? [] : this.statements(list), colon: this.lines.position(colon?.start ?? clause.start),
          });
        }
        const close = node.children.find((c) => c.type === '}');
        return { kind: 'SelectStmt', ...this.base(node), body, rbrace: this.lines.position(close?.start ?? node.end) };
      }
      case 'const_declaration':
      case 'var_declaration':
      case 'type_declaration':
        return { kind: 'DeclStmt', ...this.base(node), declarations: this.declaration(node) };
      case 'ERROR':
        this.syntaxErrors.push({ offset: node.start });
        return null;
      default:
        this.syntaxErrors.push({ offset: node.start });
        return null;
    }
  }

  /** The communication of a select case: a send, or a receive possibly assigned. */
  commStmt(node: SyntaxNode): ast.Stmt | null {
    if (node.type !== 'receive_statement') return this.stmt(node);
    const left = this.field(node, 'left');
    const right = this.field(node, 'right');
    const x = right === null ? this.bad(node) : this.expr(right);
    if (left === null) return { kind: 'ExprStmt', ...this.base(node), pos: x.pos, x };
    const define = this.token(node, ':=');
    const operator = define ?? this.token(node, '=');
    return {
      kind: 'AssignStmt', ...this.base(node, operator?.start ?? node.start), op: null, define: define !== null,
      lhs: this.exprList(left), rhs: [x],
    };
  }

  forStmt(node: SyntaxNode): ast.ForStmt {
    const bodyNode = this.field(node, 'body');
    const body = bodyNode === null ? this.emptyBlock(node) : this.block(bodyNode);
    const header = this.named(node).find((c) => c.field !== 'body');
    const loop: ast.ForStmt = { kind: 'ForStmt', ...this.base(node), init: null, cond: null, post: null, body };
    if (header === undefined) return loop;
    if (header.type === 'for_clause') {
      loop.init = this.simple(this.field(header, 'initializer'));
      const condition = this.field(header, 'condition');
      loop.cond = condition === null ? null : this.expr(condition);
      loop.post = this.simple(this.field(header, 'update'));
    } else if (header.type === 'range_clause') {
      const left = this.field(header, 'left');
      const right = this.field(header, 'right');
      const define = this.token(header, ':=');
      const assign = define ?? this.token(header, '=');
      const rangeKeyword = this.token(header, 'range');
      loop.init = {
        kind: 'RangeClause', ...this.base(header, (assign ?? rangeKeyword ?? header).start),
        lhs: left === null ? [] : this.exprList(left), define: define !== null,
        x: right === null ? this.bad(header) : this.expr(right),
        rangePos: this.lines.position((rangeKeyword ?? header).start),
      };
    } else {
      loop.cond = this.expr(header);
    }
    return loop;
  }

  switchStmt(node: SyntaxNode): ast.SwitchStmt {
    this.repairEmptyInit(node);
    const init = this.simple(this.field(node, 'initializer'));
    const value = this.field(node, 'value');
    let tag: ast.Expr | null = null;
    if (node.type === 'type_switch_statement') {
      const alias = this.field(node, 'alias');
      const aliasNames = alias === null ? [] : this.exprList(alias);
      const x = value === null ? this.bad(node) : this.expr(value);
      const lhs = aliasNames[0];
      tag = {
        kind: 'TypeSwitchGuard', ...this.base({ ...node, start: alias?.start ?? value?.start ?? node.start, end: value?.end ?? node.end }),
        lhs: lhs?.kind === 'Name' ? lhs : null, x,
      };
    } else if (value !== null) {
      tag = this.expr(value);
    }
    const body: ast.CaseClause[] = [];
    for (const clause of this.named(node)) {
      if (!['expression_case', 'type_case', 'default_case'].includes(clause.type)) continue;
      const colon = this.token(clause, ':');
      const list = this.named(clause).find((c) => c.type === 'statement_list');
      let cases: ast.Expr[] = [];
      if (clause.type === 'expression_case') {
        const values = this.field(clause, 'value');
        cases = values === null ? [] : this.exprList(values);
      } else if (clause.type === 'type_case') {
        cases = this.fields(clause, 'type').map((t) => this.expr(t));
      }
      body.push({
        kind: 'CaseClause', ...this.base(clause), cases, isDefault: clause.type === 'default_case',
        body: list === undefined ? [] : this.statements(list), colon: this.lines.position(colon?.start ?? clause.start),
      });
    }
    const close = node.children.find((c) => c.type === '}');
    return { kind: 'SwitchStmt', ...this.base(node), init, tag, body, rbrace: this.lines.position(close?.start ?? node.end) };
  }
}
