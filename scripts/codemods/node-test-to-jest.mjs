#!/usr/bin/env node
// Codemod: test files written for Node's test runner (node:test) → jest (imports from @jest/globals).
// Re-runnable: a file that no longer imports node:test is left as it is, so running it twice changes nothing,
// and it can be run again on a tree where others have since added or edited node:test files.
//
//   node scripts/codemods/node-test-to-jest.mjs            every *.test.ts(x) under backend, src, tests, scripts
//   node scripts/codemods/node-test-to-jest.mjs FILE…      only these files
//   --check                                                 change nothing; list the files it would change
//
// What it maps (node:assert assertions stay as they are: they throw, and jest reports a throw as a failure):
//   import { test, describe, it, before, after, beforeEach, afterEach, mock } from 'node:test'
//     → import { test, describe, it, beforeAll, afterAll, beforeEach, afterEach, jest } from '@jest/globals'
//   before(fn) / after(fn)                        → beforeAll(fn) / afterAll(fn)
//   test(name, { timeout: N }, fn)                → test(name, fn, N)          (hooks: before(fn, { timeout }) too)
//   test(name, { skip: X }, fn)                   → (X ? test.skip : test)(name, fn); skip: true → test.skip
//   test(name, { todo: … }, fn) / { only: true }  → test.todo(name) / test.only(name, fn)
//   t.diagnostic(msg)                             → console.info(msg)
//   t.after(fn)                                   → onTestFinished(fn)
//   t.name                                        → expect.getState().currentTestName
//   mock.fn(impl) / t.mock.fn(impl)               → jest.fn(impl)
//   mock.method(obj, 'm', impl)                   → jest.spyOn(obj, 'm').mockImplementation(impl)
//   mock.timers.enable(…) / .tick(n) / .reset()   → jest.useFakeTimers() / jest.advanceTimersByTime(n) / jest.useRealTimers()
//   mock.restoreAll() / mock.reset()              → jest.restoreAllMocks()
//   f.mock.callCount()                            → f.mock.calls.length
//   f.mock.calls[i].arguments                     → f.mock.calls[i]
//   the test context parameter (t) is dropped once nothing uses it.
//   src/test-support/grafana-in-node.ts: its import and `await grafanaInNode()` removed, and the top-level
//     `const { a, b } = await import('x')` it forced become static imports (jest's jsdom project gives the DOM).
// What it cannot map it leaves in place and reports as "hand fix" (exit status 0): subtests (t.test),
// t.skip()/t.todo() at run time, t.plan, t.signal, options that are not an object literal.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const TEST_ROOTS = ['backend', 'src', 'tests', 'scripts'];

/** node:test's name → jest's (from @jest/globals). */
const RENAMED = {
  test: 'test',
  it: 'it',
  describe: 'describe',
  suite: 'describe',
  before: 'beforeAll',
  after: 'afterAll',
  beforeEach: 'beforeEach',
  afterEach: 'afterEach',
  mock: 'jest',
};
const TEST_FUNCTIONS = new Set(['test', 'it', 'describe', 'suite']);
const HOOKS = new Set(['before', 'after', 'beforeEach', 'afterEach']);
/** Context members jest has no counterpart for: left in place, reported. */
const UNMAPPED_CONTEXT = new Set(['test', 'skip', 'todo', 'plan', 'signal', 'runOnly', 'fullName', 'assert']);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) {
      continue;
    }
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      walk(p, out);
    } else if (/\.test\.tsx?$/.test(name)) {
      out.push(p);
    }
  }
  return out;
}

/** Rewrites one file's text; returns { text, notes } (text unchanged when there is nothing to do). */
export function convert(text, fileName) {
  const notes = [];
  const sf = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  );
  const nodeTestImport = sf.statements.find((s) => ts.isImportDeclaration(s) && s.moduleSpecifier.text === 'node:test');
  if (!nodeTestImport) {
    return { text, notes };
  }
  const edits = [];
  const replace = (node, by) => edits.push({ start: node.getStart(sf), end: node.getEnd(), by });
  const removeStatement = (node) => {
    let end = node.getEnd();
    if (text[end] === '\n') {
      end++;
    }
    edits.push({ start: node.getFullStart() === 0 ? 0 : node.getStart(sf), end, by: '' });
  };
  const src = (node) => node.getText(sf);
  const lineOf = (node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const handFix = (node, what) => notes.push(`${fileName}:${lineOf(node)}: hand fix: ${what}`);

  // local name → node:test export name (import { before as b } keeps working)
  const imported = new Map();
  const bindings = nodeTestImport.importClause?.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) {
    handFix(nodeTestImport, 'a default or namespace import of node:test');
    return { text, notes };
  }
  for (const el of bindings.elements) {
    imported.set(el.name.text, (el.propertyName ?? el.name).text);
  }
  const jestNames = new Set([...imported.values()].map((n) => RENAMED[n] ?? n));
  const need = (name) => jestNames.add(name);

  /** `{ skip, timeout, todo, only }` of an options object literal, as source text; null when not a literal. */
  function readOptions(node) {
    if (!ts.isObjectLiteralExpression(node)) {
      return null;
    }
    const o = {};
    for (const p of node.properties) {
      if (ts.isPropertyAssignment(p)) {
        o[p.name.getText(sf)] = p.initializer;
      } else if (ts.isShorthandPropertyAssignment(p)) {
        o[p.name.text] = p.name;
      } else {
        return null;
      }
    }
    return o;
  }
  /** A skip option as a condition: `x ?? false` is `x`; anything but a name or a member in parentheses. */
  const condition = (e) => {
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && isFalse(e.right)) {
      e = e.left;
    }
    return ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) ? src(e) : `(${src(e)})`;
  };
  const isFalse = (e) => e && e.kind === ts.SyntaxKind.FalseKeyword;
  const isTrueish = (e) => e && (e.kind === ts.SyntaxKind.TrueKeyword || ts.isStringLiteralLike(e));

  /** A call of test/describe/it or a hook imported from node:test. */
  function visitCall(call) {
    const callee = call.expression;
    if (!ts.isIdentifier(callee) || !imported.has(callee.text)) {
      return false;
    }
    const original = imported.get(callee.text);
    const jestName = RENAMED[original];
    if (TEST_FUNCTIONS.has(original)) {
      const args = call.arguments;
      const optionsAt = args.length === 3 ? 1 : args.length === 2 && !ts.isFunctionLike(args[1]) ? 1 : -1;
      if (optionsAt < 0) {
        if (jestName !== callee.text) {
          replace(callee, jestName);
        }
        return false;
      }
      const options = readOptions(args[optionsAt]);
      if (!options) {
        handFix(call, `options of ${callee.text}() that are not an object literal: ${src(args[optionsAt])}`);
        return false;
      }
      let fn = jestName;
      const rest = [src(args[0])];
      const body = args[optionsAt + 1];
      if (options.todo && !isFalse(options.todo)) {
        replace(call, `${jestName}.todo(${src(args[0])})`);
        return true;
      }
      if (options.only && !isFalse(options.only)) {
        fn = `${jestName}.only`;
      }
      if (options.skip && !isFalse(options.skip)) {
        fn = isTrueish(options.skip) ? `${jestName}.skip` : `(${condition(options.skip)} ? ${jestName}.skip : ${fn})`;
      }
      if (body) {
        rest.push('BODY');
      }
      if (options.timeout && body && original !== 'describe' && original !== 'suite') {
        rest.push(src(options.timeout));
      }
      const known = ['skip', 'timeout', 'todo', 'only'];
      for (const k of Object.keys(options)) {
        if (!known.includes(k)) {
          handFix(call, `option ${k} of ${callee.text}() has no jest counterpart (dropped)`);
        }
      }
      // The body is rewritten on its own (context uses inside it); splice it in by position.
      const head = `${fn}(${rest.map((r) => (r === 'BODY' ? '\u0000' : r)).join(', ')})`;
      const [before, after] = head.split('\u0000');
      edits.push({ start: call.getStart(sf), end: body ? body.getStart(sf) : call.getEnd(), by: body ? before : head });
      if (body) {
        edits.push({ start: body.getEnd(), end: call.getEnd(), by: after });
      }
      return false;
    }
    if (HOOKS.has(original)) {
      const [fn, opts] = call.arguments;
      if (jestName !== callee.text) {
        replace(callee, jestName);
      }
      if (opts) {
        const o = readOptions(opts);
        if (!o) {
          handFix(call, `options of ${callee.text}() that are not an object literal`);
        } else {
          edits.push({ start: fn.getEnd(), end: opts.getEnd(), by: o.timeout ? `, ${src(o.timeout)}` : '' });
        }
      }
      return false;
    }
    return false;
  }

  /** mock.* (node:test's mock, or t.mock) → jest.*; returns true when it replaced the node. */
  function visitMock(node, mockText) {
    // node is a call whose callee is `<mockText>.something…`
    const callee = node.expression;
    const path = src(callee).slice(mockText.length + 1);
    const args = node.arguments.map(src);
    const by = {
      fn: () => `jest.fn(${args.join(', ')})`,
      method: () => `jest.spyOn(${args[0]}, ${args[1]})${args[2] ? `.mockImplementation(${args[2]})` : ''}`,
      getter: () => `jest.spyOn(${args[0]}, ${args[1]}, 'get')${args[2] ? `.mockImplementation(${args[2]})` : ''}`,
      setter: () => `jest.spyOn(${args[0]}, ${args[1]}, 'set')${args[2] ? `.mockImplementation(${args[2]})` : ''}`,
      'timers.enable': () => 'jest.useFakeTimers()',
      'timers.tick': () => `jest.advanceTimersByTime(${args.join(', ')})`,
      'timers.runAll': () => 'jest.runAllTimers()',
      'timers.reset': () => 'jest.useRealTimers()',
      'timers.setTime': () => `jest.setSystemTime(${args.join(', ')})`,
      restoreAll: () => 'jest.restoreAllMocks()',
      reset: () => 'jest.restoreAllMocks()',
    }[path];
    if (!by) {
      handFix(node, `${src(callee)}() has no mapping`);
      return false;
    }
    need('jest');
    replace(node, by());
    return true;
  }

  /** The test context parameter's uses inside a test body; returns true when the body still uses it. */
  function rewriteContext(fnNode, ctx) {
    let stillUsed = false;
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const target = node.expression;
        if (ts.isIdentifier(target.expression) && target.expression.text === ctx) {
          const member = target.name.text;
          if (member === 'diagnostic') {
            replace(target, 'console.info');
            node.arguments.forEach((a) => ts.forEachChild(a, visit));
            return;
          }
          if (member === 'after') {
            need('onTestFinished');
            replace(target, 'onTestFinished');
            node.arguments.forEach(visit);
            return;
          }
        }
        if (src(target).startsWith(`${ctx}.mock.`) && visitMock(node, `${ctx}.mock`)) {
          return;
        }
      }
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === ctx) {
        const member = node.name.text;
        if (member === 'name') {
          need('expect');
          replace(node, 'expect.getState().currentTestName');
          return;
        }
        if (UNMAPPED_CONTEXT.has(member)) {
          handFix(node, `${ctx}.${member} (the test context) has no jest counterpart`);
        }
        stillUsed = true;
        return;
      }
      if (ts.isIdentifier(node) && node.text === ctx) {
        stillUsed = true;
        return;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(fnNode.body, visit);
    return stillUsed;
  }

  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      // mock.fn(…) etc., where mock is imported from node:test
      if (ts.isPropertyAccessExpression(callee)) {
        const head = callee.getText(sf).split('.')[0];
        if (imported.get(head) === 'mock' && visitMock(node, head)) {
          return;
        }
      }
      visitCall(node);
      // a test's or hook's function: the context parameter
      if (ts.isIdentifier(callee) && imported.has(callee.text)) {
        const fn = [...node.arguments].reverse().find((a) => ts.isFunctionLike(a) && a.parameters);
        const original = imported.get(callee.text);
        if (fn && fn.parameters.length >= 1 && original !== 'describe' && original !== 'suite') {
          const p = fn.parameters[0];
          if (ts.isIdentifier(p.name)) {
            const used = rewriteContext(fn, p.name.text);
            if (!used && fn.parameters.length === 1) {
              const open = text.lastIndexOf('(', p.getStart(sf));
              const close = text.indexOf(')', p.getEnd());
              const arrowed =
                ts.isArrowFunction(fn) &&
                text
                  .slice(fn.getStart(sf), p.getStart(sf))
                  .trim()
                  .replace(/^async\s*/, '') === '';
              if (arrowed) {
                edits.push({ start: p.getStart(sf), end: p.getEnd(), by: '()' });
              } else if (open >= fn.getStart(sf) && close >= 0) {
                edits.push({ start: open + 1, end: close, by: '' });
              }
            }
          }
        }
      }
    }
    // f.mock.callCount() → f.mock.calls.length; f.mock.calls[i].arguments → f.mock.calls[i]
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'callCount' &&
      ts.isPropertyAccessExpression(node.expression.expression) &&
      node.expression.expression.name.text === 'mock'
    ) {
      replace(node, `${src(node.expression.expression)}.calls.length`);
      return;
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'arguments' &&
      ts.isElementAccessExpression(node.expression) &&
      /\.mock\.calls$/.test(src(node.expression.expression))
    ) {
      replace(node, src(node.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);

  // grafana-in-node: gone under jest (the plugin project runs in jsdom); its dynamic imports become static.
  const harness = sf.statements.find(
    (s) => ts.isImportDeclaration(s) && /test-support\/grafana-in-node(\.ts)?$/.test(s.moduleSpecifier.text)
  );
  if (harness) {
    removeStatement(harness);
    for (const s of sf.statements) {
      if (ts.isExpressionStatement(s) && /^await grafanaInNode\(\);?$/.test(src(s))) {
        removeStatement(s);
      }
      if (ts.isVariableStatement(s) && s.declarationList.declarations.length === 1) {
        const d = s.declarationList.declarations[0];
        const init = d.initializer;
        if (
          init &&
          ts.isAwaitExpression(init) &&
          ts.isCallExpression(init.expression) &&
          init.expression.expression.kind === ts.SyntaxKind.ImportKeyword &&
          ts.isStringLiteralLike(init.expression.arguments[0]) &&
          ts.isObjectBindingPattern(d.name) &&
          d.name.elements.every((e) => !e.dotDotDotToken && !e.initializer && ts.isIdentifier(e.name))
        ) {
          const names = d.name.elements.map((e) =>
            e.propertyName ? `${src(e.propertyName)} as ${e.name.text}` : e.name.text
          );
          edits.push({
            start: s.getStart(sf),
            end: s.getEnd(),
            by: `import { ${names.join(', ')} } from '${init.expression.arguments[0].text}';`,
          });
        }
      }
    }
  }

  const order = [
    'describe',
    'test',
    'it',
    'beforeAll',
    'afterAll',
    'beforeEach',
    'afterEach',
    'onTestFinished',
    'expect',
    'jest',
  ];
  const names = [...jestNames].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  edits.push({
    start: nodeTestImport.getStart(sf),
    end: nodeTestImport.getEnd(),
    by: `import { ${names.join(', ')} } from '@jest/globals';`,
  });

  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let floor = Infinity;
  for (const e of edits) {
    if (e.end > floor) {
      throw new Error(`${fileName}: overlapping edits at ${e.start}`);
    }
    out = out.slice(0, e.start) + e.by + out.slice(e.end);
    floor = e.start;
  }
  return { text: out, notes };
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const given = args.filter((a) => a !== '--check');
  const files = given.length
    ? given.map((f) => join(process.cwd(), f))
    : TEST_ROOTS.flatMap((r) => walk(join(ROOT, r), []));
  let changed = 0;
  const notes = [];
  for (const file of files.sort()) {
    const name = relative(ROOT, file);
    const before = readFileSync(file, 'utf8');
    const result = convert(before, name);
    notes.push(...result.notes);
    if (result.text === before) {
      continue;
    }
    changed++;
    if (check) {
      console.log(`would convert ${name}`);
    } else {
      writeFileSync(file, result.text);
    }
  }
  for (const n of notes) {
    console.log(n);
  }
  console.log(
    `${check ? 'would convert' : 'converted'} ${changed} of ${files.length} test files; ${notes.length} hand fixes`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main();
}
