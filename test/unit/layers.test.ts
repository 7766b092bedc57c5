import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/ (DESIGN.md, Architecture), each unit with the units it may import. A unit
 * is a folder of src/ or a file at its top. Imports point one way, down:
 *
 *   bin → main → cli → commands → wizard → seams → {aws, credentials, ui} → {totp, policy} → {errors, keys}
 *     ↘ fast-session (→ commands' flags, wizard's reuse rule) → session-reused
 *     ↘ help-request (what bin sends to help, and cli answers without parsing: imports nothing)
 *                   ↘ emulator      deps ↗ (the composition root: builds the seams; cli and commands use it)
 *
 * aws, credentials and ui are siblings: what they share lives below them (errors.ts, keys.ts).
 */
const BELOW_SIBLINGS = ['totp', 'policy', 'errors', 'keys'];
const SIBLINGS = ['aws', 'credentials', 'ui', ...BELOW_SIBLINGS];
const MAY_IMPORT: Record<string, readonly string[]> = {
  // The launcher: the whole CLI (main), help (cli), or a saved session at start-up speed.
  bin: ['main', 'cli', 'fast-session', 'session-reused', 'help-request', 'errors'],
  main: ['cli', 'errors'],
  // A help request and nothing else, read without parseArgs (the launcher's and cli's).
  'help-request': [],
  // A valid saved session handed over by the session command's own rules (flags, the reuse rule).
  'fast-session': ['commands', 'wizard', 'session-reused', 'seams', ...SIBLINGS],
  // What --export says as it does, with the catalogs (loaded apart).
  'session-reused': ['wizard', ...SIBLINGS],
  cli: ['commands', 'deps', 'seams', 'help-request', ...SIBLINGS],
  commands: ['emulator', 'wizard', 'deps', 'seams', ...SIBLINGS],
  emulator: SIBLINGS,
  deps: ['seams', ...SIBLINGS],
  wizard: ['seams', ...SIBLINGS],
  seams: SIBLINGS,
  aws: BELOW_SIBLINGS,
  credentials: BELOW_SIBLINGS,
  ui: BELOW_SIBLINGS,
  totp: ['errors', 'keys'],
  policy: ['errors', 'keys'],
  errors: [],
  keys: [],
};

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(m|c)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** One import of one file of src/, as written and as resolved, with the line it is on. */
interface Import {
  from: string;
  to: string;
  written: string;
  line: number;
}

/** The project's own compiler options (tsconfig.json), so imports resolve as `tsc -p .` resolves them. */
function projectOptions(): ts.CompilerOptions {
  const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
}

/**
 * Every import between files of src/ (static, dynamic, type-only, re-exports, module
 * augmentations), found and resolved by the TypeScript compiler as `tsc` finds them.
 */
function importsOf(files: string[], options: ts.CompilerOptions = projectOptions()): Import[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const info = ts.preProcessFile(text, true, true);
    // NOTE: a module augmentation (`declare module '../errors.js'` in a module) is among importedFiles too.
    return info.importedFiles.flatMap(({ fileName, pos }) => {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || !resolved.resolvedFileName.startsWith(SRC + sep)) return [];
      const line = text.slice(0, pos).split('\n').length;
      const [from, to] = [file, resolved.resolvedFileName].map((path) => relative(ROOT, path).split(sep).join('/'));
      return [{ from: from!, to: to!, written: fileName, line }];
    });
  });
}

/** The unit a file of src/ is in: its folder under src/, or its own name at the top. */
function unitOf(path: string): string {
  const [, first = ''] = path.split('/');
  return first.replace(/\.(m|c)?tsx?$/, '');
}

/** The imports that break the layer rule, each said as a sentence naming the import. */
function layerBreaks(imports: Import[], rule: Record<string, readonly string[]> = MAY_IMPORT): string[] {
  return imports.flatMap(({ from, to, written, line }) => {
    const [unit, target] = [unitOf(from), unitOf(to)];
    if (unit === target) return [];
    const allowed = rule[unit];
    if (!allowed) return [`${from} is in "${unit}", a unit the layer table does not know: add it to MAY_IMPORT`];
    if (allowed.includes(target)) return [];
    return [`${from}:${line} imports '${written}' (${to}): ${unit} may import only ${allowed.join(', ') || 'nothing of src/'}`];
  });
}

/** Every import circle (strongly connected set of files), each as a path around it. */
function importCircles(imports: Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of imports) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's algorithm: the strongly connected components with more than one file (or a self-import).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || next.get(file)?.includes(file)) circles.push(pathAround(component, next));
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return circles;
}

/** A path from the component's first file back to itself, within the component: what a person follows. */
function pathAround(component: string[], next: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const to of next.get(file) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = file; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, file);
        queue.push(to);
      }
    }
  }
  return component;
}

const imports = importsOf(sourceFiles(SRC));

describe('layers: imports point one way (issue 19)', () => {
  it('finds the imports the way tsc does (a check that sees nothing would pass anything)', () => {
    const seen = (from: string, to: string) => imports.some((i) => i.from === from && i.to === to);
    // A plain import, a dynamic import(), a type-only import and a module augmentation.
    expect(seen('src/bin.ts', 'src/cli.ts')).toBe(true);
    expect(seen('src/cli.ts', 'src/commands/setup.ts')).toBe(true);
    expect(seen('src/ui/messages/ja.ts', 'src/ui/messages/en.ts')).toBe(true);
    expect(seen('src/ui/messages/en.ts', 'src/errors.ts')).toBe(true);
    expect(imports.length).toBeGreaterThan(300);
  });

  it('every import goes down the layer table', () => {
    expect(layerBreaks(imports)).toEqual([]);
  });

  it('no import circle anywhere in src/ (type imports count)', () => {
    expect(importCircles(imports).map((circle) => circle.join(' → '))).toEqual([]);
  });

  it('every unit of src/ is in the table', () => {
    const units = new Set(imports.flatMap(({ from, to }) => [unitOf(from), unitOf(to)]));
    expect([...units].filter((unit) => !(unit in MAY_IMPORT))).toEqual([]);
  });
});

describe('layers: the check itself can fail', () => {
  const at = (from: string, to: string): Import => ({ from, to, written: to, line: 1 });

  it('names an import that points up or across', () => {
    expect(layerBreaks([at('src/aws/call.ts', 'src/credentials/ini.ts'), at('src/errors.ts', 'src/ui/messages/en.ts')])).toEqual([
      "src/aws/call.ts:1 imports 'src/credentials/ini.ts' (src/credentials/ini.ts): aws may import only totp, policy, errors, keys",
      "src/errors.ts:1 imports 'src/ui/messages/en.ts' (src/ui/messages/en.ts): errors may import only nothing of src/",
    ]);
  });

  it('names a unit nobody placed', () => {
    expect(layerBreaks([at('src/extra/x.ts', 'src/errors.ts')])).toEqual([
      'src/extra/x.ts is in "extra", a unit the layer table does not know: add it to MAY_IMPORT',
    ]);
  });

  it('finds a circle, type imports included, and says the way round it', () => {
    const circle = [at('src/aws/client.ts', 'src/aws/sts.ts'), at('src/aws/sts.ts', 'src/aws/call.ts'), at('src/aws/call.ts', 'src/aws/client.ts')];
    expect(importCircles([...circle, at('src/aws/sts.ts', 'src/errors.ts')])).toEqual([
      ['src/aws/call.ts', 'src/aws/client.ts', 'src/aws/sts.ts', 'src/aws/call.ts'],
    ]);
    expect(importCircles([at('src/a.ts', 'src/a.ts')])).toEqual([['src/a.ts', 'src/a.ts']]);
  });
});
