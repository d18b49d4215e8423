/**
 * Which Go sources the oracle snapshots, and the `// oracle: ...` directives in their header
 * comments (the comment lines before the `package` clause).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root, ending without a slash. */
export const repositoryRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Folders (relative to the root) whose Go files all get escape snapshots. */
export const sourceFolders = ['test/fixtures', 'src/content/docs'] as const;

/** Directives found in a source's header comment. */
export interface SourceDirectives {
  /** `// oracle: compile-error`: the file must fail to compile. */
  compileError: boolean;
  /** `// oracle: allocs Name [Name...]`: functions of type func() to measure. */
  allocs: string[];
}

/** All Go files under the source folders, as sorted repository-relative paths. */
export function listAllSources(): string[] {
  const found: string[] = [];
  for (const folder of sourceFolders) collectGoFiles(join(repositoryRoot, folder), found);
  return found.map(toRepositoryPath).sort();
}

/**
 * Resolves command-line paths (files or folders, relative to the current directory) to the
 * Go sources they name. Returns an error message for a path that does not exist or lies outside
 * the source folders (its snapshot would never be checked for drift).
 */
export function resolveSourceArguments(paths: string[]): { sources: string[] } | { error: string } {
  const found: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {
      return { error: `${path}: no such file or folder` };
    }
    const inside = sourceFolders.some((folder) => isWithin(absolute, join(repositoryRoot, folder)) || isWithin(join(repositoryRoot, folder), absolute));
    if (!inside) return { error: `${path}: not under ${sourceFolders.join(' or ')}, so its snapshot would never be checked` };
    if (isFolder) {
      const inFolder: string[] = [];
      collectGoFiles(absolute, inFolder);
      found.push(...inFolder.filter((file) => sourceFolders.some((folder) => isWithin(file, join(repositoryRoot, folder)))));
    } else if (absolute.endsWith('.go')) found.push(absolute);
    else return { error: `${path}: not a .go file` };
  }
  return { sources: [...new Set(found.map(toRepositoryPath))].sort() };
}

/** Reads the `// oracle:` directives from the comment lines before the package clause. */
export function readDirectives(text: string): SourceDirectives {
  const directives: SourceDirectives = { compileError: false, allocs: [] };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('package ')) break;
    const match = /^\/\/\s*oracle:\s*(.*)$/.exec(trimmed);
    if (match === null) continue;
    const words = (match[1] ?? '').trim().split(/\s+/);
    if (words[0] === 'compile-error') directives.compileError = true;
    else if (words[0] === 'allocs') directives.allocs.push(...words.slice(1));
  }
  return directives;
}

/** Reads a source given its repository-relative path. */
export function readSource(sourcePath: string): Buffer {
  return readFileSync(join(repositoryRoot, sourcePath));
}

/** Hex SHA-256 of a source's bytes, as recorded in its snapshot. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function collectGoFiles(folder: string, into: string[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) collectGoFiles(path, into);
    else if (entry.isFile() && entry.name.endsWith('.go')) into.push(path);
  }
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
}

function toRepositoryPath(absolute: string): string {
  return relative(repositoryRoot, absolute).split('\\').join('/');
}
