/**
 * Statements: assignments, declarations, control flow, labels, and the terminating-statement
 * rule behind "missing return". Installed on `Checker` (./check.ts).
 */
import type * as ast from '../syntax/ast.ts';
import { Checker, defaultType, untypedBool, type FlowContext, type FunctionContext } from './check.ts';
import { exprString } from './typestring.ts';
import { formatConstant } from './constant.ts';
import { lookup, type Label, type Scope, type Var } from './objects.ts';
import type { Operand } from './operand.ts';
import { assignableType } from './expr.ts';
import { identical, isBoolean, isInvalid, isUntyped, underlying } from './predicates.ts';
import type { Type } from './types.ts';
import { basicTypes, invalidType, runeType } from './universe.ts';

interface CheckerStatements {
  stmt(s: ast.Stmt, scope: Scope, flow: FlowContext): void;
  openScope(node: ast.Node, parent: Scope): Scope;
  assignStmt(s: ast.AssignStmt, scope: Scope): void;
  assignTo(lhs: ast.Expr, x: Operand, scope: Scope): void;
  unassignable(lhs: ast.Expr): void;
  defineVars(s: ast.AssignStmt | ast.RangeClause, names: ast.Expr[], scope: Scope): Var[] | null;
  rangeStmt(clause: ast.RangeClause, scope: Scope): void;
  switchStmt(s: ast.SwitchStmt, scope: Scope, flow: FlowContext): void;
  isTerminating(s: ast.Stmt, label: string | null): boolean;
}

declare module './check.ts' {
  interface Checker extends CheckerStatements {}
}

const proto = Checker.prototype as Checker;

proto.openScope = function openScope(this: Checker, node: ast.Node, parent: Scope): Scope {
  const scope: Scope = { parent, names: new Map(), node, func: parent.func ?? null };
  this.info.scopes.set(node, scope);
  return scope;
};

proto.labels = function labels(this: Checker, body: ast.BlockStmt, context: FunctionContext): void {
  // In source order, as gc's syntax check meets them: a second label of a name is the one reported.
  const visit = (s: ast.Stmt): void => {
    if (s.kind === 'LabeledStmt') {
      if (s.label.value !== '_') {
        const other = context.labels.get(s.label.value);
        if (other !== undefined) this.error(s.label, `label ${s.label.value} already defined${other.pos === null ? '' : ` at ${this.where(other.pos)}`}`);
        else {
          const label: Label = { kind: 'Label', name: s.label.value, type: invalidType, pos: s.label.pos, pkg: this.packageName, parent: null, used: false };
          context.labels.set(s.label.value, label);
          this.info.defs.set(s.label, label);
        }
      }
      visit(s.stmt);
    } else if (s.kind === 'BlockStmt') s.list.forEach(visit);
    else if (s.kind === 'IfStmt') {
      visit(s.then);
      if (s.else !== null) visit(s.else);
    } else if (s.kind === 'ForStmt') visit(s.body);
    else if (s.kind === 'SwitchStmt') for (const clause of s.body) clause.body.forEach(visit);
    else if (s.kind === 'SelectStmt') for (const clause of s.body) clause.body.forEach(visit);
  };
  body.list.forEach(visit);
};

proto.stmtList = function stmtList(this: Checker, list: ast.Stmt[], scope: Scope, flow: FlowContext): void {
  list.forEach((s, index) => {
    const last = index === list.length - 1;
    this.stmt(s, scope, { ...flow, fallthroughOk: last && flow.fallthroughOk === true });
  });
};

proto.stmt = function stmt(this: Checker, s: ast.Stmt, scope: Scope, flow: FlowContext): void {
  switch (s.kind) {
    case 'EmptyStmt':
      return;
    case 'BlockStmt':
      this.stmtList(s.list, this.openScope(s, scope), flow);
      return;
    case 'LabeledStmt':
      this.stmt(s.stmt, scope, flow);
      return;
    case 'ExprStmt': {
      const x = this.multiExpr(s.x, scope);
      if (x.mode === 'invalid' || x.mode === 'novalue') return;
      let inner = s.x;
      while (inner.kind === 'ParenExpr') inner = inner.x;
      if (inner.kind === 'CallExpr') {
        const builtin = this.info.builtins.get(inner);
        // copy and recover may stand alone; the other value-producing builtins may not.
        if (builtin === undefined ? !this.info.conversions.has(inner) : builtin.id === 'copy' || builtin.id === 'recover') return;
      }
      if (inner.kind === 'Operation' && inner.op === '<-' && inner.y === null) return;
      this.error(s.x, `${exprString(s.x)} (${this.describe(x).replace(/^.*? \(/, '').replace(/\)$/, '')}) is not used`);
      return;
    }
    case 'SendStmt': {
      const channel = this.expr(s.chan, scope);
      const under = underlying(channel.type);
      const value = this.expr(s.value, scope, under.kind === 'Chan' ? under.elem : undefined);
      if (channel.mode === 'invalid' || value.mode === 'invalid') return;
      if (under.kind !== 'Chan') {
        this.error(s, `invalid operation: cannot send to non-channel ${this.describe(channel)}`);
        return;
      }
      if (under.dir === 'recv') {
        this.error(s, `invalid operation: cannot send to receive-only channel ${this.describe(channel)}`);
        return;
      }
      this.assignment(value, under.elem, 'send');
      return;
    }
    case 'DeclStmt':
      for (const decl of s.declarations) {
        if (decl.kind === 'TypeDecl') {
          const obj = this.declareTypeName(decl, scope);
          this.declaration(decl, obj, scope);
        } else if (decl.kind === 'ConstDecl') this.constDecl(decl, scope, null);
        else if (decl.kind === 'VarDecl') this.varDecl(decl, scope, null);
      }
      return;
    case 'AssignStmt':
      this.assignStmt(s, scope);
      return;
    case 'BranchStmt': {
      const context = this.context;
      if (s.label !== null) {
        const label = context?.labels.get(s.label.value);
        if (label === undefined) {
          this.error(s.label, `label ${s.label.value} not defined`);
          return;
        }
        label.used = true;
        this.info.uses.set(s.label, label);
        return;
      }
      if (s.token === 'break' && !flow.breakOk) this.error(s, 'break is not in a loop, switch, or select');
      else if (s.token === 'continue' && !flow.continueOk) this.error(s, 'continue is not in a loop');
      else if (s.token === 'fallthrough' && flow.fallthroughOk !== true) this.error(s, 'fallthrough statement out of place');
      else if (s.token === 'goto') this.error(s, 'syntax error: missing label');
      return;
    }
    case 'CallStmt': {
      let call = s.call;
      while (call.kind === 'ParenExpr') call = call.x;
      if (call.kind !== 'CallExpr') {
        this.expr(s.call, scope);
        this.error(s.call, `expression in ${s.token} must be function call`);
        return;
      }
      const x = this.multiExpr(call, scope);
      if (x.mode === 'invalid') return;
      if (this.info.conversions.has(call)) {
        this.error(s.call, `${s.token} requires function call, not conversion`);
        return;
      }
      const builtin = this.info.builtins.get(call);
      if (builtin !== undefined && ['append', 'cap', 'len', 'make', 'new', 'complex', 'real', 'imag', 'min', 'max'].includes(builtin.id)) {
        this.error(s.call, `${s.token} discards result of ${exprString(call)}`);
      }
      return;
    }
    case 'ReturnStmt': {
      const context = this.context;
      if (context === null) return;
      const results = context.signature.results;
      if (s.results.length === 0) {
        // A bare return is fine with named results (or none); unnamed results need values.
        if (results.length > 0 && results[0]?.name === '') {
          this.error(s, `not enough return values\n\thave ()\n\twant (${results.map((r) => this.typeText(r.type)).join(', ')})`);
        }
        return;
      }
      const want = `(${results.map((r) => this.typeText(r.type)).join(', ')})`;
      if (s.results.length === 1 && results.length !== 1) {
        const x = this.multiExpr(s.results[0] as ast.Expr, scope);
        if (x.mode === 'invalid') return;
        if (x.type.kind === 'Tuple' && x.type.vars.length === results.length) {
          x.type.vars.forEach((v, i) => this.assignment({ mode: 'value', type: v.type, expr: x.expr }, (results[i] as Var).type, 'return statement'));
          return;
        }
        if (results.length === 0) {
          this.error(s.results[0] as ast.Expr, `too many return values\n\thave (${this.typeText(isUntyped(x.type) ? defaultType(x.type) : x.type)})\n\twant ()`);
          return;
        }
        this.error(s.results[0] as ast.Expr, `not enough return values\n\thave (${this.typeText(x.type)})\n\twant ${want}`);
        return;
      }
      const operands = s.results.map((r, i) => this.expr(r, scope, results[i]?.type));
      if (operands.length !== results.length) {
        if (operands.some((x) => x.mode === 'invalid')) return;
        const have = `(${operands.map((x) => (isUntyped(x.type) && x.mode === 'constant' && !isBoolean(x.type) && x.type.kind === 'Basic' && x.type.basic !== 'untyped string' ? 'number' : this.typeText(isUntyped(x.type) ? defaultType(x.type) : x.type))).join(', ')})`;
        if (operands.length > results.length) this.error(s.results[results.length] as ast.Expr, `too many return values\n\thave ${have}\n\twant ${want}`);
        else this.error(s.results[0] as ast.Expr, `not enough return values\n\thave ${have}\n\twant ${want}`);
        return;
      }
      operands.forEach((x, i) => this.assignment(x, (results[i] as Var).type, 'return statement'));
      return;
    }
    case 'IfStmt': {
      const inner = this.openScope(s, scope);
      if (s.init !== null) this.stmt(s.init, inner, flow);
      const condition = this.expr(s.cond, inner);
      if (condition.mode !== 'invalid' && !isBoolean(condition.type)) this.error(s.cond, 'non-boolean condition in if statement');
      else if (condition.mode !== 'invalid' && isUntyped(condition.type)) this.convertUntyped(condition, basicTypes.bool);
      this.stmt(s.then, inner, flow);
      if (s.else !== null) this.stmt(s.else, inner, flow);
      return;
    }
    case 'ForStmt': {
      const inner = this.openScope(s, scope);
      const loopFlow: FlowContext = { breakOk: true, continueOk: true };
      if (s.init?.kind === 'RangeClause') {
        this.rangeStmt(s.init, inner);
      } else {
        if (s.init !== null) this.stmt(s.init, inner, flow);
        if (s.cond !== null) {
          const condition = this.expr(s.cond, inner);
          if (condition.mode !== 'invalid' && !isBoolean(condition.type)) this.error(s.cond, 'non-boolean condition in for statement');
          else if (condition.mode !== 'invalid' && isUntyped(condition.type)) this.convertUntyped(condition, basicTypes.bool);
        }
        if (s.post !== null) {
          if (s.post.kind === 'AssignStmt' && s.post.define) this.error(s.post, 'cannot declare in post statement of for loop');
          else this.stmt(s.post, inner, flow);
        }
      }
      this.stmt(s.body, inner, loopFlow);
      return;
    }
    case 'RangeClause':
      return;
    case 'SwitchStmt':
      this.switchStmt(s, scope, flow);
      return;
    case 'SelectStmt':
      for (const clause of s.body) {
        const inner = this.openScope(clause, scope);
        if (clause.comm !== null) {
          const comm = clause.comm;
          const isReceive = (e: ast.Expr | undefined): boolean => {
            while (e?.kind === 'ParenExpr') e = e.x;
            return e?.kind === 'Operation' && e.op === '<-' && e.y === null;
          };
          const valid = comm.kind === 'SendStmt'
            || (comm.kind === 'ExprStmt' && isReceive(comm.x))
            || (comm.kind === 'AssignStmt' && comm.rhs.length === 1 && isReceive(comm.rhs[0]));
          if (!valid) this.error(comm, 'select case must be receive, send or assign recv');
          else this.stmt(comm, inner, flow);
        }
        this.stmtList(clause.body, inner, { breakOk: true, continueOk: flow.continueOk });
      }
      return;
  }
};

proto.assignStmt = function assignStmt(this: Checker, s: ast.AssignStmt, scope: Scope): void {
  if (s.rhs.length === 0) {
    // x++ / x--
    const x = this.expr(s.lhs[0] as ast.Expr, scope);
    if (x.mode === 'invalid') return;
    if (!(underlying(x.type).kind === 'Basic' && !isBoolean(x.type) && (x.type as { basic?: string }).basic !== 'string' && !(underlying(x.type) as { basic: string }).basic.includes('string'))) {
      this.error(s.lhs[0] as ast.Expr, `invalid operation: ${exprString(s.lhs[0] as ast.Expr)}${s.op === '+' ? '++' : '--'} (non-numeric type ${this.typeText(x.type)})`);
      return;
    }
    if (x.mode !== 'variable' && x.mode !== 'mapindex') this.unassignable(s.lhs[0] as ast.Expr);
    return;
  }
  if (s.define) {
    const targets = this.defineVars(s, s.lhs, scope);
    if (targets === null) {
      for (const r of s.rhs) this.multiExpr(r, scope);
      return;
    }
    this.initVars(targets, s.rhs, null, s, scope);
    this.flushLocalDeclarations();
    return;
  }
  if (s.op !== null) {
    const lhs = s.lhs[0] as ast.Expr;
    const operation: ast.Operation = { kind: 'Operation', op: s.op, x: lhs, y: s.rhs[0] as ast.Expr, pos: s.pos, start: lhs.start, end: (s.rhs[0] as ast.Expr).end };
    const x = this.binary(operation, scope);
    this.info.types.delete(operation);
    if (x.mode === 'invalid') return;
    const target = this.expr(lhs, scope);
    if (target.mode !== 'invalid' && target.mode !== 'variable' && target.mode !== 'mapindex') this.unassignable(lhs);
    return;
  }
  if (s.rhs.length === 1 && s.lhs.length > 1) {
    const x = this.multiExpr(s.rhs[0] as ast.Expr, scope);
    if (x.mode === 'invalid') {
      for (const l of s.lhs) if (!(l.kind === 'Name' && l.value === '_')) this.expr(l, scope);
      return;
    }
    const types = x.type.kind === 'Tuple' ? x.type.vars.map((v) => v.type) : [x.type];
    if ((x.mode === 'commaok' || x.mode === 'mapindex') && s.lhs.length === 2) types.push(untypedBool);
    if (types.length !== s.lhs.length) {
      this.assignmentMismatch(s.rhs[0] as ast.Expr, s.lhs.length, types.length, s.rhs[0] as ast.Expr);
      return;
    }
    s.lhs.forEach((l, i) => this.assignTo(l, { mode: 'value', type: types[i] as Type, expr: s.rhs[0] as ast.Expr }, scope));
    return;
  }
  if (s.lhs.length !== s.rhs.length) {
    for (const r of s.rhs) this.expr(r, scope);
    this.assignmentMismatch(s.rhs[0] ?? s, s.lhs.length, s.rhs.length, null);
    return;
  }
  if (s.lhs.length === 1) {
    const value = s.rhs[0] as ast.Expr;
    const x = this.multiExpr(value, scope);
    if (x.mode !== 'invalid' && x.mode !== 'novalue' && x.type.kind === 'Tuple') {
      this.assignmentMismatch(value, 1, x.type.vars.length, value);
      return;
    }
    this.assignTo(s.lhs[0] as ast.Expr, x, scope);
    return;
  }
  s.lhs.forEach((l, i) => this.assignTo(l, this.expr(s.rhs[i] as ast.Expr, scope), scope));
};

proto.assignTo = function assignTo(this: Checker, lhs: ast.Expr, x: Operand, scope: Scope): void {
  let bare = lhs;
  while (bare.kind === 'ParenExpr') bare = bare.x;
  if (bare.kind === 'Name' && bare.value === '_') {
    lhs = bare;
    this.info.defs.set(lhs, null);
    if (x.mode === 'invalid') return;
    if (x.mode === 'nil') {
      this.error(x.expr, 'use of untyped nil in assignment');
      return;
    }
    this.assignment(x, isUntyped(x.type) ? defaultType(x.type) : x.type, 'assignment');
    return;
  }
  // A plain variable on the left is assigned, not used.
  let target: Operand;
  if (lhs.kind === 'Name') {
    const obj = scope.names.get(lhs.value) ?? lookup(scope, lhs.value);
    if (obj?.kind === 'Var') {
      const wasUsed = obj.used;
      target = this.expr(lhs, scope);
      obj.used = wasUsed;
    } else target = this.expr(lhs, scope);
  } else target = this.expr(lhs, scope);
  if (target.mode === 'invalid') return;
  if (target.mode !== 'variable' && target.mode !== 'mapindex') {
    this.unassignable(lhs);
    return;
  }
  this.assignment(x, target.type, 'assignment');
};

/**
 * Reports a left-hand side that can be neither assigned nor stored through. A field of a map
 * element has its own message; a parenthesised one does not (types2 looks at the expression
 * as written).
 */
proto.unassignable = function unassignable(this: Checker, lhs: ast.Expr): void {
  if (lhs.kind === 'SelectorExpr' && this.info.types.get(lhs.x)?.mode === 'mapindex') {
    this.error(lhs, `cannot assign to struct field ${exprString(lhs)} in map`);
  } else {
    this.error(lhs, `cannot assign to ${exprString(lhs)} (neither addressable nor a map index expression)`);
  }
};

proto.defineVars = function defineVars(this: Checker, s: ast.AssignStmt | ast.RangeClause, names: ast.Expr[], scope: Scope): Var[] | null {
  const targets: Var[] = [];
  let anyNew = false;
  let bad = false;
  for (const name of names) {
    if (name.kind !== 'Name') {
      this.expr(name, scope);
      this.error(name, `non-name ${exprString(name)} on left side of :=`);
      bad = true;
      continue;
    }
    const existing = scope.names.get(name.value);
    if (existing?.kind === 'Var' && name.value !== '_') {
      this.info.uses.set(name, existing);
      targets.push(existing);
      continue;
    }
    anyNew = true;
    const fresh = this.newVar(name, invalidType, false, name);
    if (name.value === '_') this.info.defs.set(name, null);
    else this.declareLater.push({ scope, name, obj: fresh });
    targets.push(fresh);
  }
  if (bad) return null;
  if (!anyNew) {
    this.errorAt(s.pos, 'no new variables on left side of :=');
  }
  return targets;
};

proto.rangeStmt = function rangeStmt(this: Checker, clause: ast.RangeClause, scope: Scope): void {
  const x = this.expr(clause.x, scope);
  let key: Type = invalidType;
  let value: Type | null = null;
  if (x.mode !== 'invalid' && this.opaque(x, clause.x)) return;
  if (x.mode !== 'invalid') {
    const under = underlying(x.type);
    if (under.kind === 'Basic' && (under.basic === 'string' || under.basic === 'untyped string')) {
      key = basicTypes.int;
      value = runeType;
      if (isUntyped(x.type)) this.convertUntyped(x, basicTypes.string);
    } else if (under.kind === 'Basic' && (under.basic.includes('int') || under.basic === 'untyped rune') && !under.basic.includes('float')) {
      if (isUntyped(x.type)) this.convertUntyped(x, defaultType(x.type));
      key = x.type;
      value = null;
      if (clause.lhs.length > 1) {
        this.error(clause.lhs[1] as ast.Expr, `range over ${this.describe(x)} permits only one iteration variable`);
        return;
      }
    } else if (under.kind === 'Slice') {
      key = basicTypes.int;
      value = under.elem;
    } else if (under.kind === 'Array') {
      key = basicTypes.int;
      value = under.elem;
    } else if (under.kind === 'Pointer' && underlying(under.elem).kind === 'Array') {
      key = basicTypes.int;
      value = (underlying(under.elem) as { elem: Type }).elem;
    } else if (under.kind === 'Map') {
      key = under.key;
      value = under.elem;
    } else if (under.kind === 'Chan') {
      key = under.elem;
      value = null;
      if (clause.lhs.length > 1) {
        this.error(clause.lhs[1] as ast.Expr, `range over ${this.describe(x)} permits only one iteration variable`);
        return;
      }
    } else if (under.kind === 'Signature') {
      this.notModeledAt(clause.x.start, 'range over function');
      return;
    } else {
      this.error(clause.x, `cannot range over ${this.describe(x)}`);
      return;
    }
  }
  const types: Type[] = [key, value ?? invalidType];
  if (clause.define) {
    const targets = this.defineVars(clause, clause.lhs, scope);
    if (targets === null) return;
    targets.forEach((target, i) => {
      target.type = types[i] ?? invalidType;
    });
    this.flushLocalDeclarations();
  } else {
    clause.lhs.forEach((l, i) => this.assignTo(l, { mode: 'value', type: types[i] ?? invalidType, expr: clause.x }, scope));
  }
};

proto.switchStmt = function switchStmt(this: Checker, s: ast.SwitchStmt, scope: Scope, flow: FlowContext): void {
  const outer = this.openScope(s, scope);
  if (s.init !== null) this.stmt(s.init, outer, flow);
  const clauseFlow: FlowContext = { breakOk: true, continueOk: flow.continueOk };
  if (s.tag?.kind === 'TypeSwitchGuard') {
    const guard = s.tag;
    const x = this.expr(guard.x, outer);
    if (x.mode !== 'invalid' && underlying(x.type).kind !== 'Interface') {
      this.error(guard.x, `${exprString(guard.x)} (${this.describe(x).replace(/^.*? \(/, '').replace(/\)$/, '')}) is not an interface`);
    }
    const clauseVars: Var[] = [];
    const seenTypes: Type[] = [];
    let seenNil = false;
    for (const clause of s.body) {
      const inner = this.openScope(clause, outer);
      let caseType: Type | null = null;
      for (const c of clause.cases) {
        if (c.kind === 'Name' && c.value === 'nil') {
          this.info.types.set(c, { mode: 'value', type: basicTypes['untyped nil'] });
          if (seenNil) this.error(c, 'multiple nil cases in type switch (at most one allowed)');
          seenNil = true;
          continue;
        }
        const t = this.typeExpr(c, outer);
        if (!isInvalid(t) && seenTypes.some((seen) => identical(seen, t))) this.error(c, `duplicate case ${this.typeText(t)} in type switch`);
        seenTypes.push(t);
        if (x.mode !== 'invalid' && !isInvalid(t) && underlying(t).kind !== 'Interface' && !this.implementsUnknown(t, x.type, c)) {
          const cause = this.implementsCause(t, x.type);
          if (cause !== null) this.error(c, `impossible type switch case: ${exprString(c)}\n\t${exprString(guard.x)} (${this.describe(x).replace(/^.*? \(/, '').replace(/\)$/, '')}) cannot have dynamic type ${this.typeText(t)} ${cause}`);
        }
        caseType = clause.cases.length === 1 ? t : null;
      }
      if (guard.lhs !== null) {
        const v = this.newVar(guard.lhs, caseType ?? x.type, false, guard.lhs);
        v.parent = inner;
        inner.names.set(guard.lhs.value, v);
        this.info.implicits.set(clause, v);
        clauseVars.push(v);
      }
      this.stmtList(clause.body, inner, clauseFlow);
    }
    if (guard.lhs !== null) {
      this.info.defs.set(guard.lhs, null);
      if (clauseVars.every((v) => !v.used)) this.error(guard.lhs, `declared and not used: ${guard.lhs.value}`);
    }
    return;
  }
  let tag: Operand | null = null;
  if (s.tag !== null) {
    tag = this.expr(s.tag, outer);
    if (tag.mode !== 'invalid' && isUntyped(tag.type)) this.convertUntyped(tag, defaultType(tag.type));
  }
  const seenValues = new Map<string, ast.Expr>();
  s.body.forEach((clause, index) => {
    for (const c of clause.cases) {
      // Constant cases must differ (compared by value and type, as gc does).
      const recordDuplicate = (): void => {
        const recorded = this.info.types.get(c);
        if (recorded?.mode !== 'constant' || recorded.value === undefined || recorded.value.kind === 'unknown') return;
        const key = `${this.typeText(recorded.type)}:${formatConstant(recorded.value)}`;
        if (seenValues.has(key)) this.error(c, `duplicate case ${exprString(c)} in expression switch`);
        else seenValues.set(key, c);
      };
      if (tag === null) {
        const condition = this.expr(c, outer);
        // A tagless switch compares each case with `true`: an interface holding a bool will do.
        if (condition.mode !== 'invalid' && !isBoolean(condition.type) && underlying(condition.type).kind !== 'Interface') {
          this.error(c, `invalid case ${exprString(c)} in switch (mismatched types ${this.typeText(condition.type)} and bool)`);
        } else if (condition.mode !== 'invalid' && isUntyped(condition.type)) this.convertUntyped(condition, basicTypes.bool);
      } else if (tag.mode !== 'invalid') {
        const value = this.expr(c, outer, tag.type);
        if (value.mode !== 'invalid') {
          if (isUntyped(value.type)) this.assignment(value, tag.type, 'switch case');
          else if (!identical(value.type, tag.type) && !assignableType(value.type, tag.type) && !assignableType(tag.type, value.type)) {
            if (this.implementsUnknown(value.type, tag.type, c) || this.implementsUnknown(tag.type, value.type, c)) {
              value.mode = 'invalid';
              continue;
            }
            this.error(c, `invalid case ${exprString(c)} in switch on ${exprString(s.tag as ast.Expr)} (mismatched types ${this.typeText(value.type)} and ${this.typeText(tag.type)})`);
            value.mode = 'invalid';
          }
          if (value.mode !== 'invalid') recordDuplicate();
        }
      }
    }
    const inner = this.openScope(clause, outer);
    this.stmtList(clause.body, inner, { ...clauseFlow, fallthroughOk: index < s.body.length - 1 });
  });
};

/** Whether a statement list ends in a terminating statement (the spec's rule). */
proto.isTerminatingList = function isTerminatingList(this: Checker, list: ast.Stmt[]): boolean {
  // Trailing empty statements do not count.
  for (let index = list.length - 1; index >= 0; index--) {
    const s = list[index] as ast.Stmt;
    if (s.kind === 'EmptyStmt') continue;
    return this.isTerminating(s, null);
  }
  return false;
};

proto.isTerminating = function isTerminating(this: Checker, s: ast.Stmt, label: string | null): boolean {
  switch (s.kind) {
    case 'ReturnStmt':
      return true;
    case 'BranchStmt':
      return s.token === 'goto' || s.token === 'fallthrough';
    case 'ExprStmt': {
      let call = s.x;
      while (call.kind === 'ParenExpr') call = call.x;
      return call.kind === 'CallExpr' && this.info.builtins.get(call)?.id === 'panic';
    }
    case 'BlockStmt':
      return this.isTerminatingList(s.list);
    case 'LabeledStmt':
      return this.isTerminating(s.stmt, s.label.value);
    case 'IfStmt':
      return s.else !== null && this.isTerminatingList(s.then.list) && this.isTerminating(s.else, null);
    case 'ForStmt':
      return s.cond === null && s.init?.kind !== 'RangeClause' && !hasBreak(s.body, label, true);
    case 'SwitchStmt':
      return s.body.some((c) => c.isDefault) && s.body.every((c) => {
        const last = c.body[c.body.length - 1];
        return !hasBreakList(c.body, label, true) && (this.isTerminatingList(c.body) || (last?.kind === 'BranchStmt' && last.token === 'fallthrough'));
      });
    case 'SelectStmt':
      return s.body.every((c) => !hasBreakList(c.body, label, true) && this.isTerminatingList(c.body));
    default:
      return false;
  }
};

function hasBreakList(list: ast.Stmt[], label: string | null, implicit: boolean): boolean {
  return list.some((s) => hasBreak(s, label, implicit));
}

/** Whether `s` contains a break that leaves the enclosing statement (unlabelled at this level, or labelled with `label`). */
function hasBreak(s: ast.Stmt, label: string | null, implicit: boolean): boolean {
  switch (s.kind) {
    case 'BranchStmt':
      return s.token === 'break' && ((s.label === null && implicit) || (s.label !== null && s.label.value === label));
    case 'BlockStmt':
      return hasBreakList(s.list, label, implicit);
    case 'LabeledStmt':
      return hasBreak(s.stmt, label, implicit);
    case 'IfStmt':
      return hasBreakList(s.then.list, label, implicit) || (s.else !== null && hasBreak(s.else, label, implicit));
    case 'ForStmt':
      return label !== null && hasBreak(s.body, label, false);
    case 'SwitchStmt':
      return label !== null && s.body.some((c) => hasBreakList(c.body, label, false));
    case 'SelectStmt':
      return label !== null && s.body.some((c) => hasBreakList(c.body, label, false));
    default:
      return false;
  }
}
