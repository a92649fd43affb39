import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
import { parse as parseAstro } from '@astrojs/compiler-rs';
import ts from 'typescript';

/**
 * The imports between a project's own files, read the way the compilers read
 * them: TypeScript's parser for .ts files and for the code of .astro files,
 * which Astro's own compiler finds (the frontmatter and each <script>). A
 * word "import" in a comment, a string or a page's text is not an import.
 */

/** One import of a project file by another; package imports are left out. */
export interface ImportEdge {
  /** The importing file, relative to the root, with "/" separators. */
  from: string;
  /** The imported file, likewise. */
  to: string;
  /** False when no such file exists (the project imports with extensions: `./x.ts`). */
  exists: boolean;
  line: number;
  specifier: string;
  /** `import type`, `export type … from`, `import('…').T`: erased when compiled. */
  typeOnly: boolean;
}

/** A pipeline stage: the folders (or files) it owns and its place in the order. */
export interface Stage {
  name: string;
  paths: readonly string[];
  /** A stage imports only from stages of a lower rank; stages of equal rank import neither each other. */
  rank: number;
}

const CODE_FILE = /\.(?:ts|mts|astro)$/;

/** Every .ts and .astro file under the folders, relative to root, sorted. */
export async function projectFiles(root: string, folders: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (CODE_FILE.test(entry.name)) found.push(path);
    }
  }
  for (const folder of folders) if (existsSync(join(root, folder))) await walk(folder);
  return found.sort();
}

/** The code in a file, with where it starts: the whole of a .ts file; an .astro file's frontmatter and scripts. */
function codeOf(path: string, text: string): { code: string; offset: number }[] {
  if (!path.endsWith('.astro')) return [{ code: text, offset: 0 }];
  const { ast, diagnostics } = parseAstro(text);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`${path}: the Astro compiler cannot read it: ${errors.map((error) => error.text).join('; ')}`);
  const programs: { start: number; end: number }[] = [];
  if (ast.frontmatter?.program) programs.push(ast.frontmatter.program);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'AstroScript' && record.program) programs.push(record.program as { start: number; end: number });
      for (const value of Object.values(record)) visit(value);
    }
  };
  visit(ast.body);
  return programs.map(({ start, end }) => ({ code: text.slice(start, end), offset: start }));
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  const clause = node.importClause;
  if (!clause) return false; // `import './x.ts'` runs the module
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** Every module specifier in a piece of TypeScript, with its position and whether only types are imported. */
function specifiersIn(code: string): { specifier: string; position: number; typeOnly: boolean }[] {
  const source = ts.createSourceFile('code.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { specifier: string; position: number; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, position: node.moduleSpecifier.getStart(source), typeOnly: isTypeOnly(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push({ specifier: node.arguments[0].text, position: node.arguments[0].getStart(source), typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, position: node.argument.literal.getStart(source), typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The project file a specifier names: relative paths, and `#name` subpath imports from package.json; undefined for a package. */
function resolveSpecifier(root: string, from: string, specifier: string, subpathImports: Record<string, string>): string | undefined {
  const path = specifier.split('?')[0]!; // Vite's `?raw` and the like
  if (path.startsWith('.')) return posix.join(posix.dirname(from), path);
  const target = subpathImports[path];
  if (target !== undefined) return relative(root, resolve(root, target)).split(sep).join('/');
  return undefined;
}

/** The imports among the project's own files under the folders. */
export async function readImportGraph(root: string, folders: readonly string[]): Promise<{ files: string[]; edges: ImportEdge[] }> {
  const packageJson = join(root, 'package.json');
  const subpathImports: Record<string, string> = existsSync(packageJson) ? (JSON.parse(await readFile(packageJson, 'utf8')).imports ?? {}) : {};
  const files = await projectFiles(root, folders);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = await readFile(join(root, from), 'utf8');
    for (const { code, offset } of codeOf(from, text)) {
      for (const { specifier, position, typeOnly } of specifiersIn(code)) {
        const to = resolveSpecifier(root, from, specifier, subpathImports);
        if (to === undefined) continue;
        const line = text.slice(0, offset + position).split('\n').length;
        edges.push({ from, to, exists: existsSync(join(root, to)), line, specifier, typeOnly });
      }
    }
  }
  return { files, edges };
}

/** The stage a file belongs to: the one with the longest path that holds it. */
export function stageOf(path: string, stages: readonly Stage[]): Stage | undefined {
  let best: { stage: Stage; length: number } | undefined;
  for (const stage of stages) {
    for (const owned of stage.paths) {
      const holds = path === owned || path.startsWith(owned.endsWith('/') ? owned : `${owned}/`);
      if (holds && (!best || owned.length > best.length)) best = { stage, length: owned.length };
    }
  }
  return best?.stage;
}

/** What a stage may import, in words: itself and every stage of a lower rank. */
export function importableFrom(stage: Stage, stages: readonly Stage[]): string[] {
  return stages.filter((other) => other === stage || other.rank < stage.rank).map((other) => other.name);
}

/**
 * Every file outside the stages, and every import that runs against the
 * order: into a later stage or a sibling of the same rank, out of the
 * stages' folders, or of a file that does not exist. One sentence each.
 */
export function directionProblems(graph: { files: readonly string[]; edges: readonly ImportEdge[] }, stages: readonly Stage[]): string[] {
  const problems: string[] = [];
  for (const file of graph.files) {
    if (!stageOf(file, stages)) problems.push(`${file} is in no stage: put it in one of ${stages.map((stage) => stage.name).join(', ')}`);
  }
  for (const edge of graph.edges) {
    const from = stageOf(edge.from, stages);
    if (!from) continue;
    const where = `${edge.from}:${edge.line} imports ${edge.to}`;
    const to = stageOf(edge.to, stages);
    if (!edge.exists) problems.push(`${where}, which does not exist`);
    else if (!to) problems.push(`${where}, outside the stages`);
    else if (to !== from && to.rank >= from.rank) {
      problems.push(`${where}: ${from.name} may import only ${importableFrom(from, stages).join(', ')}, not ${to.name}`);
    }
  }
  return problems;
}

/**
 * The import cycles among the files: each strongly connected group of two or
 * more files (or a file importing itself), its files sorted (Tarjan's
 * algorithm). Type-only imports count: a cycle of types still ties two
 * modules into one.
 */
export function importCycles(edges: readonly Pick<ImportEdge, 'from' | 'to'>[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)!.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || next.get(file)?.has(file)) cycles.push(group.sort());
  };
  for (const file of [...next.keys()].sort()) if (!index.has(file)) connect(file);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
