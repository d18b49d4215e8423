/**
 * Visiting every node of a tree without recursion (trees may be deep; the JavaScript stack
 * is not).
 */
import type * as ast from './ast.ts';

/** The direct children of a node, in source order. */
export function children(node: ast.Node): ast.Node[] {
  const out: (ast.Node | null | undefined)[] = [];
  switch (node.kind) {
    case 'File': out.push(node.packageName, ...node.declarations); break;
    case 'ImportDecl': out.push(node.localName, node.path); break;
    case 'ConstDecl': out.push(...node.names, node.type, ...node.values); break;
    case 'VarDecl': out.push(...node.names, node.type, ...node.values); break;
    case 'TypeDecl': out.push(node.name, node.type); break;
    case 'FuncDecl': out.push(node.recv, node.name, node.type, node.body); break;
    case 'Name': case 'BasicLit': case 'BadExpr': case 'EmptyStmt': break;
    case 'CompositeLit': out.push(node.type, ...node.elements); break;
    case 'KeyValueExpr': out.push(node.key, node.value); break;
    case 'FuncLit': out.push(node.type, node.body); break;
    case 'ParenExpr': out.push(node.x); break;
    case 'SelectorExpr': out.push(node.x, node.selector); break;
    case 'IndexExpr': out.push(node.x, node.index); break;
    case 'SliceExpr': out.push(node.x, ...node.index); break;
    case 'AssertExpr': out.push(node.x, node.type); break;
    case 'TypeSwitchGuard': out.push(node.lhs, node.x); break;
    case 'Operation': out.push(node.x, node.y); break;
    case 'CallExpr': out.push(node.fun, ...node.args); break;
    case 'ListExpr': out.push(...node.elements); break;
    case 'ArrayType': out.push(node.length, node.element); break;
    case 'SliceType': case 'DotsType': out.push(node.element); break;
    case 'StructType': out.push(...node.fields, ...node.tags); break;
    case 'Field': out.push(node.name, node.type); break;
    case 'InterfaceType': out.push(...node.methods); break;
    case 'FuncType': out.push(...node.params, ...node.results); break;
    case 'MapType': out.push(node.key, node.value); break;
    case 'ChanType': out.push(node.element); break;
    case 'LabeledStmt': out.push(node.label, node.stmt); break;
    case 'BlockStmt': out.push(...node.list); break;
    case 'ExprStmt': out.push(node.x); break;
    case 'SendStmt': out.push(node.chan, node.value); break;
    case 'DeclStmt': out.push(...node.declarations); break;
    case 'AssignStmt': out.push(...node.lhs, ...node.rhs); break;
    case 'BranchStmt': out.push(node.label); break;
    case 'CallStmt': out.push(node.call); break;
    case 'ReturnStmt': out.push(...node.results); break;
    case 'IfStmt': out.push(node.init, node.cond, node.then, node.else); break;
    case 'ForStmt': out.push(node.init, node.cond, node.post, node.body); break;
    case 'RangeClause': out.push(...node.lhs, node.x); break;
    case 'SwitchStmt': out.push(node.init, node.tag, ...node.body); break;
    case 'CaseClause': out.push(...node.cases, ...node.body); break;
    case 'SelectStmt': out.push(...node.body); break;
    case 'CommClause': out.push(node.comm, ...node.body); break;
  }
  // Fields declared together (`a, b int "tag"`) share their tag node: list it once.
  const seen = new Set<ast.Node>();
  return out.filter((child): child is ast.Node => {
    if (child === null || child === undefined || seen.has(child)) return false;
    seen.add(child);
    return true;
  });
}

/** Calls `visit` on `root` and every node below it, parents before children, in source order. */
export function forEachNode(root: ast.Node, visit: (node: ast.Node) => void): void {
  const stack: ast.Node[] = [root];
  const shared = new Set<ast.Node>();
  while (stack.length > 0) {
    const node = stack.pop() as ast.Node;
    visit(node);
    const below = children(node);
    for (let index = below.length - 1; index >= 0; index--) {
      const child = below[index] as ast.Node;
      // Type nodes shared by several fields (`a, b int`) are visited once.
      if (node.kind === 'Field') {
        if (shared.has(child)) continue;
        shared.add(child);
      }
      stack.push(child);
    }
  }
}
