// The project's import graph, read with a real TypeScript parser (@babel/parser), and the rules it must keep.
// Pure over a map of path → source text, so the rule engine is tested on small in-memory trees as well.
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse } from '@babel/parser';

export interface ImportEdge {
  /** The importing file, relative to the root, with forward slashes. */
  from: string;
  line: number;
  specifier: string;
  /** The imported file when the specifier is relative and resolves; undefined for packages. */
  to?: string;
  typeOnly: boolean;
}

export interface ImportRule {
  name: string;
  /** Files the rule applies to (relative path prefix, e.g. `lib/domain/`). */
  files: string;
  /** Forbidden targets: path prefixes of project files, or package names / prefixes (e.g. `@aws-sdk/`). */
  forbidden: string[];
  why: string;
}

export interface Violation {
  rule: string;
  from: string;
  line: number;
  specifier: string;
  target: string;
  why: string;
}

const EXTENSIONS = ['.ts', '.mts', '.cts', '/index.ts'];

function resolveRelative(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  if (files.has(base)) return base;
  const stripped = base.replace(/\.(c|m)?js$/, '');
  return EXTENSIONS.map((ext) => `${stripped}${ext}`).find((candidate) => files.has(candidate));
}

interface Node {
  type: string;
  loc?: { start: { line: number } } | null;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

function stringValue(node: unknown): string | undefined {
  return isNode(node) && node.type === 'StringLiteral' && typeof node.value === 'string'
    ? node.value
    : undefined;
}

/** Every static import/export-from, dynamic `import('…')` and `require('…')` with a literal specifier. */
export function importsOf(from: string, source: string): Omit<ImportEdge, 'to'>[] {
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript'], errorRecovery: false });
  const edges: Omit<ImportEdge, 'to'>[] = [];
  const add = (node: Node, specifier: string | undefined, typeOnly: boolean) => {
    if (specifier !== undefined) edges.push({ from, line: node.loc?.start.line ?? 0, specifier, typeOnly });
  };
  const visit = (node: Node) => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration': {
        const kind = node.type === 'ImportDeclaration' ? node.importKind : node.exportKind;
        const specifiers = Array.isArray(node.specifiers) ? node.specifiers.filter(isNode) : [];
        const allTypes =
          specifiers.length > 0 &&
          specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
        add(node, stringValue(node.source), kind === 'type' || allTypes);
        break;
      }
      case 'ImportExpression':
        add(node, stringValue(node.source), false);
        break;
      case 'CallExpression': {
        const callee = node.callee;
        const args = Array.isArray(node.arguments) ? node.arguments : [];
        const named = isNode(callee) && callee.type === 'Identifier' && callee.name === 'require';
        const dynamic = isNode(callee) && callee.type === 'Import';
        if (named || dynamic) add(node, stringValue(args[0]), false);
        break;
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  visit(ast.program as unknown as Node);
  return edges;
}

/** The whole graph of a tree given as path → source. */
export function importGraph(sources: ReadonlyMap<string, string>): ImportEdge[] {
  const files = new Set(sources.keys());
  return [...sources].flatMap(([path, text]) =>
    importsOf(path, text).map((edge) => {
      const to = edge.specifier.startsWith('.') ? resolveRelative(path, edge.specifier, files) : undefined;
      return to ? { ...edge, to } : edge;
    }),
  );
}

function matches(edge: ImportEdge, forbidden: string): boolean {
  if (edge.to) return edge.to.startsWith(forbidden);
  return !edge.specifier.startsWith('.') && edge.specifier.startsWith(forbidden);
}

export function checkRules(edges: readonly ImportEdge[], rules: readonly ImportRule[]): Violation[] {
  return rules.flatMap((rule) =>
    edges
      .filter((edge) => edge.from.startsWith(rule.files))
      .flatMap((edge) => {
        const target = rule.forbidden.find((forbidden) => matches(edge, forbidden));
        if (target === undefined) return [];
        return [
          {
            rule: rule.name,
            from: edge.from,
            line: edge.line,
            specifier: edge.specifier,
            target: edge.to ?? edge.specifier,
            why: rule.why,
          },
        ];
      }),
  );
}

/** Relative imports that resolve to no file of the tree (a moved file left behind). */
export function unresolved(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.filter((edge) => edge.specifier.startsWith('.') && edge.to === undefined);
}

/** Strongly connected components of two or more files (Tarjan), each as a cycle path for the message. */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!edge.to || edge.to === edge.from) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const strongConnect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        strongConnect(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) strongConnect(node);
  return components;
}

/** TypeScript sources below the given folders of `root`, keyed by their path relative to it. */
export async function readTree(root: string, folders: readonly string[]): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const folder of folders) {
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !/\.(c|m)?ts$/.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
      const absolute = join(entry.parentPath, entry.name);
      const relative = absolute
        .slice(root.length + 1)
        .split('\\')
        .join('/');
      sources.set(relative, await readFile(absolute, 'utf8'));
    }
  }
  return sources;
}
