#!/usr/bin/env node
// Checks the import boundaries of one workspace package (DESIGN.md "Architecture",
// STYLE.md §1): run it with cwd = the package or app folder.
//
//   node ../../tooling/lint/check-boundaries.mjs
//
// It reads every import/export-from/dynamic import()/require()/import type specifier
// in src/** and test/** (.ts .mts .cts .tsx .js .mjs .cjs), using the TypeScript
// parser so comments and strings are never mistaken for imports, and prints one line
// per violation, `file:line: what is wrong; what to do instead`, exiting 1 if any.
//
// The rules, written out:
//   R1 deep import      `@pymem/x/<anything but package.json>` — packages are used
//                       only through their entry point (the `exports` "." of x).
//   R2 relative escape  a relative path that resolves outside the current package
//                       folder (e.g. `../../object-model/src/heap`).
//   R3 app import       `@pymem/cli`, `@pymem/viewer`, `@pymem/docs` — nothing imports
//                       an app.
//   R4 upward import    in packages/*, a package later in the chain
//                       trace ← object-model ← refcount ← gc ← python (or itself).
//   R5 undeclared       a `@pymem/*` package missing from package.json dependencies
//                       (test files may also use devDependencies).
//   R6 not a library    in packages/*, a `@pymem/*` name that is none of the five
//                       library packages (tooling, conformance, bench, …).
//   R7 Node built-in    in packages/* (not apps), `fs`, `node:fs`, `path`, `process`,
//                       … — packages are platform-neutral; only apps touch the host.
//
// Why a script and not dependency-cruiser: the rules need the chain order, the
// package.json of the importer and a `file:line` for each hit; dependency-cruiser
// reports modules rather than lines and must resolve every import (a deep import of a
// path that does not exist would be reported as "not resolvable" rather than as what
// it is). This file is the whole of the rule set, and tooling/lint/check-boundaries.test.ts
// runs it on fixtures.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The library packages, lowest first: each may import only those before it. */
export const CHAIN = ['@pymem/trace', '@pymem/object-model', '@pymem/refcount', '@pymem/gc', '@pymem/python'];

/** Apps: end points of the graph, imported by nothing. */
export const APPS = ['@pymem/cli', '@pymem/viewer', '@pymem/docs'];

const SOURCE_DIRS = ['src', 'test'];
const SOURCE_EXT = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** True for `fs`, `node:fs`, `fs/promises`, `node:test`, … */
function isNodeBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  return NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
}

/** Splits `@pymem/x/a/b` into `@pymem/x` and `a/b` (empty when there is no subpath). */
function splitPymem(spec) {
  const [scope, name, ...rest] = spec.split('/');
  return { pkg: `${scope}/${name}`, subpath: rest.join('/') };
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (SOURCE_EXT.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier in a file, with its 1-based line. */
export function findSpecifiers(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const add = (node) => {
    if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ spec: node.text, line });
    }
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire =
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'require' &&
          callee.name.text === 'resolve');
      if ((isDynamicImport || isRequire) && node.arguments.length > 0) add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Name of the workspace package whose folder holds `path`, if any. */
function owningPackageName(path) {
  let dir = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? path : dirname(path);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, 'utf8')).name;
      } catch {
        return undefined;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Checks the package or app in `packageDir`. Returns the violations as
 * `{ file, line, message }`, file relative to `packageDir`, in file then line order.
 */
export function checkPackage(packageDir) {
  const root = resolve(packageDir);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const self = manifest.name;
  const isLibrary = basename(dirname(root)) === 'packages';
  const runtimeDeps = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const devDeps = new Set(Object.keys(manifest.devDependencies ?? {}));
  const selfLevel = CHAIN.indexOf(self);

  const violations = [];
  const files = SOURCE_DIRS.flatMap((d) => walk(join(root, d))).sort();
  for (const file of files) {
    const rel = relative(root, file).split(sep).join('/');
    const isTestFile = rel.startsWith('test/') || /\.test\.[cm]?[jt]sx?$/.test(rel);
    const report = (line, message) => violations.push({ file: rel, line, message });

    for (const { spec, line } of findSpecifiers(file, readFileSync(file, 'utf8'))) {
      // R2: relative paths stay inside this package.
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = resolve(dirname(file), spec);
        if (target !== root && !target.startsWith(root + sep)) {
          const other = owningPackageName(target);
          const instead =
            other && other !== self && other.startsWith('@pymem/')
              ? `import '${other}' (its entry point) instead, and declare it in package.json`
              : 'keep relative imports inside this package; share code through a package entry point';
          report(line, `relative import '${spec}' reaches outside ${self}; ${instead}`);
        }
        continue;
      }

      if (spec.startsWith('@pymem/')) {
        const { pkg, subpath } = splitPymem(spec);
        // R1: entry points only.
        if (subpath && subpath !== 'package.json') {
          report(
            line,
            `deep import '${spec}' reaches into ${pkg}'s files; import '${pkg}' (its entry point) instead — if something is missing there, export it from ${pkg}'s src/index.ts`,
          );
          continue;
        }
        if (subpath === 'package.json') continue;
        // R3: nothing imports an app.
        if (APPS.includes(pkg)) {
          report(
            line,
            `import of the app '${pkg}': apps are end points and are never imported; move the shared code into a library package (packages/*) and import that`,
          );
          continue;
        }
        if (pkg === self) {
          report(line, `'${spec}' imports this package by its own name; use a relative import inside the package`);
          continue;
        }
        if (isLibrary) {
          const level = CHAIN.indexOf(pkg);
          // R6: packages depend only on library packages.
          if (level === -1) {
            report(
              line,
              `'${pkg}' is not a library package; packages/* may import only ${CHAIN.join(', ')} (lower in the chain than themselves)`,
            );
            continue;
          }
          // R4: dependencies point one way.
          if (selfLevel !== -1 && level >= selfLevel) {
            report(
              line,
              `upward import: ${self} must not import '${pkg}' (the chain is ${CHAIN.map((n) => n.slice(7)).join(' ← ')}); move the code down into ${self} or a lower package, or invert the dependency with a callback/interface`,
            );
            continue;
          }
        }
        // R5: declared dependencies only.
        if (!runtimeDeps.has(pkg) && !(isTestFile && devDeps.has(pkg))) {
          report(
            line,
            `'${pkg}' is not declared in ${self}'s package.json; add "${pkg}": "workspace:^" to ${isTestFile ? 'dependencies or devDependencies' : 'dependencies'}`,
          );
        }
        continue;
      }

      // R7: packages are platform-neutral.
      if (isLibrary && isNodeBuiltin(spec)) {
        report(
          line,
          `Node built-in '${spec}' in a platform-neutral package; packages/* must run in a browser too — take what you need as a parameter (let apps/cli do the I/O)`,
        );
      }
    }
  }
  return violations;
}

function main() {
  const violations = checkPackage(process.cwd());
  for (const v of violations) console.log(`${v.file}:${v.line}: ${v.message}`);
  if (violations.length > 0) {
    console.error(`check-boundaries: ${violations.length} violation(s)`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
