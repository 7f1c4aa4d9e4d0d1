import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import {
  type ArrowFunction,
  type CallExpression,
  type Expression,
  type FunctionExpression,
  Node,
  type NonNullExpression,
  type ParameterDeclaration,
  Project,
  type SourceFile,
  SyntaxKind,
  type VariableDeclaration,
  VariableDeclarationKind,
} from 'ts-morph';

// Gives staff route handlers the office typed (ADR 0076, ADR 0113): rewrites
//
//   app.get('/staff/:office/x', { config: { permission: 'p' } }, async (req, reply) => { … req.office! … })
//
// (the options inline or a `const opts = { config: { permission: 'p' as const } }` of the file)
// into the route kit's form
//
//   staff.get('/staff/:office/x', 'p', async (req, reply, office) => { … office … })
//
// with `const staff = staffRoutes(app);` at the top of the function that gets `app`. The
// handler's own `req.office!` and `officeOf(req)` become its third parameter; a top-level
// `const office = req.office!;` (or `= officeOf(req)`) goes away and gives the parameter its
// name. Every other `req.office!` on a FastifyRequest (a page's render helper, a route the kit
// cannot take) becomes `officeOf(req)`. Options constants no route uses any more are removed,
// the imports of `staffRoutes` / `officeOf` from src/web/kit/office.ts are added (an `officeOf`
// nothing uses any more is dropped), and changed files are formatted with prettier. ADR 0113.
//
//   npx tsx scripts/codemods/typed-office.ts               # rewrite src/web/ (not kit/office.ts)
//   npx tsx scripts/codemods/typed-office.ts --dry         # print the plan, change nothing
//   npx tsx scripts/codemods/typed-office.ts src/web/sops  # only files under these paths
//
// Re-runnable: a route in the kit form is no `app.get|post` call any more and a file without
// `.office!` has nothing to rewrite, so a second run changes nothing. A file where some
// `.office!` would remain (its object is not a FastifyRequest) is left untouched and listed;
// staff routes the kit cannot take (other options than the permission, a handler that is not
// an inline function, GET/POST only) keep their form and are listed (their `req.office!`
// still becomes `officeOf(req)`).

const root = path.resolve(import.meta.dirname, '../..');
const dry = process.argv.includes('--dry');
const only = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map((a) => path.resolve(root, a));
const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
const KIT_OFFICE = path.join(root, 'src/web/kit/office.ts');

const project = new Project({ tsConfigFilePath: path.join(root, 'tsconfig.json') });
const checker = project.getTypeChecker();

type Handler = ArrowFunction | FunctionExpression;
interface Edit {
  start: number;
  end: number;
  text: string;
}

const isOfficeAssertion = (n: Node): n is NonNullExpression => {
  if (!Node.isNonNullExpression(n)) return false;
  const inner = n.getExpression();
  return Node.isPropertyAccessExpression(inner) && inner.getName() === 'office';
};
const objectOf = (n: NonNullExpression): Expression =>
  n.getExpressionIfKindOrThrow(SyntaxKind.PropertyAccessExpression).getExpression();
const isFastifyRequest = (e: Expression) => /\bFastifyRequest\b/.test(checker.getTypeAtLocation(e).getText());
const isFastifyInstance = (e: Expression) =>
  /\bFastifyInstance\b/.test(checker.getTypeAtLocation(e).getText());

/** The const a name stands for in this file, when it is one (`const x = …`). */
function constOf(id: Node): VariableDeclaration | undefined {
  const decl = id.getSymbol()?.getDeclarations()[0];
  if (!decl || !Node.isVariableDeclaration(decl) || decl.getSourceFile() !== id.getSourceFile())
    return undefined;
  const list = decl.getParent();
  if (!Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== VariableDeclarationKind.Const)
    return undefined;
  return decl;
}

/** Whether a URL expression is a staff URL, `/staff/:office` or `/staff/:office/…`. */
function isStaffUrl(e: Node, depth = 0): boolean {
  if (depth > 3) return false;
  const staff = (s: string) => s === '/staff/:office' || s.startsWith('/staff/:office/');
  if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return staff(e.getLiteralValue());
  if (Node.isTemplateExpression(e)) {
    const head = e.getHead().getLiteralText();
    if (head !== '') return staff(head);
    const first = e.getTemplateSpans()[0];
    return first !== undefined && isStaffUrl(first.getExpression(), depth + 1);
  }
  if (Node.isIdentifier(e)) {
    const init = constOf(e)?.getInitializer();
    return init !== undefined && isStaffUrl(init, depth + 1);
  }
  return false;
}

/** `{ config: { permission: P } }` and nothing else: P (without `as const`), or null. */
function permissionOf(obj: Node): Expression | null {
  if (!Node.isObjectLiteralExpression(obj)) return null;
  const [config, ...rest] = obj.getProperties();
  if (rest.length > 0 || !config || !Node.isPropertyAssignment(config) || config.getName() !== 'config')
    return null;
  const inner = config.getInitializer();
  if (!inner || !Node.isObjectLiteralExpression(inner)) return null;
  const [perm, ...more] = inner.getProperties();
  if (more.length > 0 || !perm) return null;
  if (Node.isShorthandPropertyAssignment(perm) && perm.getName() === 'permission') return perm.getNameNode();
  if (!Node.isPropertyAssignment(perm) || perm.getName() !== 'permission') return null;
  let value = perm.getInitializerOrThrow();
  if (Node.isAsExpression(value) && value.getTypeNode()?.getText() === 'const') value = value.getExpression();
  return value;
}

type RoutePlan =
  | { ok: false; reason: string }
  | { ok: true; edits: Edit[]; uses: Set<Node>; app: ParameterDeclaration; options?: VariableDeclaration };

/** The plan for one `app.get|post(url, options, handler)` staff route, or why it stays. */
function planRoute(call: CallExpression, staffName: (app: ParameterDeclaration) => string): RoutePlan {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return { ok: false, reason: 'not a method call' };
  const receiver = callee.getExpression();
  if (!Node.isIdentifier(receiver)) return { ok: false, reason: 'the Fastify instance is not a plain name' };
  const appDecl = receiver.getSymbol()?.getDeclarations()[0];
  if (!appDecl || !Node.isParameterDeclaration(appDecl))
    return { ok: false, reason: `\`${receiver.getText()}\` is not a function parameter` };
  const appFn = appDecl.getParent();
  const appBody =
    Node.isFunctionDeclaration(appFn) || Node.isArrowFunction(appFn) || Node.isFunctionExpression(appFn)
      ? appFn.getBody()
      : undefined;
  if (!appBody || !Node.isBlock(appBody))
    return { ok: false, reason: `the function that gets \`${receiver.getText()}\` has no block body` };
  const args = call.getArguments();
  if (args.length !== 3)
    return { ok: false, reason: `${args.length} arguments (url, options, handler expected)` };
  const [, optionsArg, handlerArg] = args as [Node, Node, Node];

  let permission: Expression | null;
  let options: VariableDeclaration | undefined;
  if (Node.isIdentifier(optionsArg)) {
    options = constOf(optionsArg);
    const init = options?.getInitializer();
    permission = init ? permissionOf(init) : null;
    // Moved away from its const, a permission must mean the same thing: a string only.
    if (permission && !Node.isStringLiteral(permission)) permission = null;
  } else permission = permissionOf(optionsArg);
  if (!permission) return { ok: false, reason: 'options other than `{ config: { permission } }`' };

  if (!Node.isArrowFunction(handlerArg) && !Node.isFunctionExpression(handlerArg))
    return { ok: false, reason: 'the handler is not an inline function' };
  const handler: Handler = handlerArg;
  const params = handler.getParameters();
  if (params.length === 0 || params.length > 2 || params.some((p) => !Node.isIdentifier(p.getNameNode())))
    return { ok: false, reason: 'the handler does not take (req, reply)' };
  const reqParam = params[0]!;

  // The handler's own `req.office!` and `officeOf(req)` (not those of a nested function's own
  // `req`).
  const isReq = (e: Node | undefined) =>
    e !== undefined && Node.isIdentifier(e) && e.getSymbol()?.getDeclarations()[0] === reqParam;
  const uses = new Set<Node>(
    handler
      .getDescendants()
      .filter(
        (n) =>
          (isOfficeAssertion(n) && isReq(objectOf(n))) ||
          (Node.isCallExpression(n) &&
            n.getExpression().getText() === 'officeOf' &&
            n.getArguments().length === 1 &&
            isReq(n.getArguments()[0])),
      ),
  );

  // `const office = req.office!;` at the top level of the body: the parameter takes its name.
  let name = 'office';
  let dropped: VariableDeclaration | undefined;
  const body = handler.getBody();
  if (Node.isBlock(body)) {
    for (const st of body.getStatements()) {
      if (!Node.isVariableStatement(st)) continue;
      const [decl, ...others] = st.getDeclarations();
      const init = decl?.getInitializer();
      if (others.length === 0 && decl && init && uses.has(init) && Node.isIdentifier(decl.getNameNode())) {
        name = decl.getName();
        dropped = decl;
        break;
      }
    }
  }
  // The name must be free in the handler: a declaration of it there would shadow the parameter,
  // and (without a dropped `const office = req.office!;`, which shadows any outer one) a use of
  // it there means an outer name.
  for (const id of uses.size > 0 ? handler.getDescendantsOfKind(SyntaxKind.Identifier) : []) {
    if (id.getText() !== name) continue;
    const parent = id.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) continue;
    if ((Node.isPropertyAssignment(parent) || Node.isJsxAttribute(parent)) && parent.getNameNode() === id)
      continue;
    if (Node.isQualifiedName(parent) && parent.getRight() === id) continue;
    const declares =
      (Node.isVariableDeclaration(parent) ||
        Node.isParameterDeclaration(parent) ||
        Node.isBindingElement(parent) ||
        Node.isFunctionDeclaration(parent) ||
        Node.isClassDeclaration(parent)) &&
      parent.getNameNode() === id;
    if (declares && parent === dropped) continue;
    if (!declares && dropped) continue;
    return {
      ok: false,
      reason: `\`${name}\` already means something else in the handler (line ${id.getStartLineNumber()})`,
    };
  }

  const edits: Edit[] = [];
  edits.push({
    start: callee.getStart(),
    end: callee.getEnd(),
    text: `${staffName(appDecl)}.${callee.getName()}`,
  });
  edits.push({ start: optionsArg.getStart(), end: optionsArg.getEnd(), text: permission.getText() });
  const needsOffice = uses.size > 0;
  if (needsOffice) {
    const last = params[params.length - 1]!;
    const tail = params.length === 1 ? `, _reply, ${name}` : `, ${name}`;
    if (
      handler.getParameters().length === 1 &&
      Node.isArrowFunction(handler) &&
      !handler.getFirstChildByKind(SyntaxKind.OpenParenToken)
    )
      edits.push({ start: last.getStart(), end: last.getEnd(), text: `(${last.getText()}${tail})` });
    else edits.push({ start: last.getEnd(), end: last.getEnd(), text: tail });
  }
  // The kit's handler returns a promise.
  if (!handler.isAsync() && !/^Promise</.test(handler.getReturnType().getText()))
    edits.push({ start: handler.getStart(), end: handler.getStart(), text: 'async ' });
  if (dropped) {
    const st = dropped.getVariableStatementOrThrow();
    const text = st.getSourceFile().getFullText();
    let end = st.getEnd();
    while (end < text.length && /[ \t]/.test(text[end]!)) end++;
    if (text[end] === '\n') end++;
    let start = st.getStart();
    while (start > 0 && /[ \t]/.test(text[start - 1]!)) start--;
    edits.push({ start, end, text: '' });
  }
  const droppedInit = dropped?.getInitializer();
  for (const use of uses) {
    if (use === droppedInit) continue;
    edits.push({ start: use.getStart(), end: use.getEnd(), text: name });
  }
  return { ok: true, edits, uses, app: appDecl, ...(options ? { options } : {}) };
}

// ── Plan every file ──────────────────────────────────────────────────────────────────────────
interface FilePlan {
  file: SourceFile;
  edits: Edit[];
  routes: number;
  helpers: number;
  staffDecls: Map<ParameterDeclaration, string>;
  options: Set<VariableDeclaration>;
  needStaffRoutes: boolean;
  needOfficeOf: boolean;
}
const plans: FilePlan[] = [];
const untouched: string[] = [];
const kept: string[] = [];
let before = 0;

const files = project
  .getSourceFiles()
  .filter((sf) => {
    const f = sf.getFilePath();
    return f.startsWith(path.join(root, 'src/web/')) && f !== KIT_OFFICE;
  })
  .filter((sf) => only.length === 0 || only.some((o) => sf.getFilePath().startsWith(o)))
  .sort((a, b) => a.getFilePath().localeCompare(b.getFilePath()));

for (const sf of files) {
  const assertions = sf.getDescendants().filter(isOfficeAssertion);
  const f = rel(sf.getFilePath());
  before += assertions.filter(
    (n) => Node.isIdentifier(objectOf(n)) && objectOf(n).getText() === 'req',
  ).length;
  const staffDecls = new Map<ParameterDeclaration, string>();
  const usedNames = new Set(sf.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
  const existingStaff = (app: ParameterDeclaration): string | undefined => {
    const fn = app.getParentOrThrow();
    for (const d of fn.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
      const init = d.getInitializer();
      if (
        init &&
        Node.isCallExpression(init) &&
        init.getExpression().getText() === 'staffRoutes' &&
        init.getArguments()[0]?.getText() === app.getName() &&
        Node.isIdentifier(d.getNameNode())
      )
        return d.getName();
    }
    return undefined;
  };
  const staffName = (app: ParameterDeclaration) => {
    let n = staffDecls.get(app) ?? existingStaff(app);
    if (!n) {
      n = ['staff', 'staffRoute', 'staffKit'].find((c) => !usedNames.has(c)) ?? 'staffRoutesOfApp';
      usedNames.add(n);
      staffDecls.set(app, n);
    } else if (!staffDecls.has(app)) staffDecls.set(app, n);
    return n;
  };

  const calls = sf.getDescendantsOfKind(SyntaxKind.CallExpression).filter((c) => {
    const callee = c.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !['get', 'post'].includes(callee.getName())) return false;
    const url = c.getArguments()[0];
    return url !== undefined && isStaffUrl(url) && isFastifyInstance(callee.getExpression());
  });
  if (calls.length === 0 && assertions.length === 0) continue;

  const edits: Edit[] = [];
  const covered = new Set<Node>();
  const options = new Set<VariableDeclaration>();
  let routes = 0;
  for (const call of calls) {
    const plan = planRoute(call, staffName);
    if (!plan.ok) {
      kept.push(`${f}:${call.getStartLineNumber()}: ${plan.reason}`);
      continue;
    }
    routes++;
    edits.push(...plan.edits);
    for (const u of plan.uses) covered.add(u);
    if (plan.options) options.add(plan.options);
  }
  // Which `staff` declarations are new (an existing one is only reused).
  for (const [app, n] of [...staffDecls]) if (existingStaff(app) === n) staffDecls.delete(app);

  let helpers = 0;
  const left: string[] = [];
  for (const n of assertions) {
    if (covered.has(n)) continue;
    const obj = objectOf(n);
    if (!isFastifyRequest(obj)) {
      left.push(`${f}:${n.getStartLineNumber()}: \`${n.getText()}\` is not on a FastifyRequest`);
      continue;
    }
    helpers++;
    edits.push({ start: n.getStart(), end: n.getEnd(), text: `officeOf(${obj.getText()})` });
  }
  if (left.length > 0) {
    untouched.push(...left);
    continue;
  }
  if (edits.length === 0) continue;
  plans.push({
    file: sf,
    edits,
    routes,
    helpers,
    staffDecls,
    options,
    needStaffRoutes: staffDecls.size > 0,
    needOfficeOf: helpers > 0,
  });
}

// ── Apply ────────────────────────────────────────────────────────────────────────────────────
/** The import specifier of src/web/kit/office.ts from a file, in the house form (with `.ts`). */
function kitSpecifier(file: string): string {
  let spec = path.relative(path.dirname(file), KIT_OFFICE).split(path.sep).join('/');
  if (!spec.startsWith('.')) spec = `./${spec}`;
  return spec;
}

function ensureImports(sf: SourceFile, names: string[]): void {
  if (names.length === 0) return;
  const existing = sf
    .getImportDeclarations()
    .find((d) => !d.isTypeOnly() && d.getModuleSpecifierSourceFile()?.getFilePath() === KIT_OFFICE);
  if (existing) {
    const have = new Set(existing.getNamedImports().map((i) => i.getName()));
    const add = names.filter((n) => !have.has(n));
    if (add.length > 0) existing.addNamedImports(add);
    return;
  }
  const imports = sf.getImportDeclarations();
  sf.insertImportDeclaration(imports.length, {
    moduleSpecifier: kitSpecifier(sf.getFilePath()),
    namedImports: names,
  });
}

let after = 0;
let routesTotal = 0;
let helpersTotal = 0;
const written: string[] = [];
for (const plan of plans) {
  const { file: sf } = plan;
  const f = rel(sf.getFilePath());
  routesTotal += plan.routes;
  helpersTotal += plan.helpers;
  console.log(`${f}: ${plan.routes} routes in the kit form, ${plan.helpers} \`officeOf(req)\``);
  if (dry) continue;

  // The `staff` declarations go into the same batch of text edits, at the top of each body.
  const edits = [...plan.edits];
  for (const [app, n] of plan.staffDecls) {
    const body = app.getParentOrThrow().getChildrenOfKind(SyntaxKind.Block)[0]!;
    edits.push({
      start: body.getStart() + 1,
      end: body.getStart() + 1,
      text: `\n  const ${n} = staffRoutes(${app.getName()});`,
    });
  }
  const optionNames = [...plan.options].map((d) => ({
    name: d.getName(),
    init: d.getInitializerOrThrow().getText(),
  }));
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let text = sf.getFullText();
  let limit = Infinity;
  for (const e of edits) {
    if (e.end > limit) throw new Error(`${f}: overlapping edits at ${e.start}`);
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
    limit = e.start;
  }
  sf.replaceWithText(text);

  // Options constants no route uses any more.
  for (const { name, init } of optionNames) {
    const decl = sf
      .getDescendantsOfKind(SyntaxKind.VariableDeclaration)
      .find((d) => d.getName() === name && d.getInitializer()?.getText() === init);
    if (decl && decl.findReferencesAsNodes().filter((r) => r !== decl.getNameNode()).length === 0)
      decl.remove();
  }
  ensureImports(sf, [
    ...(plan.needStaffRoutes ? ['staffRoutes'] : []),
    ...(plan.needOfficeOf ? ['officeOf'] : []),
  ]);
  // A handler's `officeOf(req)` became its parameter: drop the import nothing uses any more.
  for (const d of sf.getImportDeclarations()) {
    if (d.getModuleSpecifierSourceFile()?.getFilePath() !== KIT_OFFICE) continue;
    for (const spec of d.getNamedImports()) {
      const local = spec.getAliasNode() ?? spec.getNameNode();
      const used = sf
        .getDescendantsOfKind(SyntaxKind.Identifier)
        .some(
          (i) => i !== local && i.getText() === local.getText() && !Node.isImportSpecifier(i.getParent()),
        );
      if (!used) spec.remove();
    }
    if (d.getNamedImports().length === 0 && !d.getDefaultImport() && !d.getNamespaceImport()) d.remove();
  }
  after += sf.getDescendants().filter(isOfficeAssertion).length;

  const config = (await prettier.resolveConfig(sf.getFilePath())) ?? {};
  const formatted = await prettier.format(sf.getFullText(), { ...config, filepath: sf.getFilePath() });
  if (formatted !== readFileSync(sf.getFilePath(), 'utf8')) {
    writeFileSync(sf.getFilePath(), formatted);
    written.push(f);
  }
}

console.log(
  `\`.office!\` on a request before: ${before}; ${routesTotal} routes rewritten into the kit form, ` +
    `${helpersTotal} helpers to \`officeOf(req)\`, ${written.length} files written${dry ? ' (dry run)' : ''}`,
);
if (!dry) console.log(`\`.office!\` left in the rewritten files: ${after}`);
if (kept.length > 0) {
  console.log(
    `${kept.length} staff routes kept in their form (their \`req.office!\` became \`officeOf(req)\`):`,
  );
  for (const k of kept) console.log(`  ${k}`);
}
if (untouched.length > 0) {
  console.log(`${untouched.length} assertions the codemod cannot take; their files are left untouched:`);
  for (const u of untouched) console.log(`  ${u}`);
  process.exitCode = 1;
}
