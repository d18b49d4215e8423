/** Finding lesson folders, their snippets and quiz files, for the lesson tests. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root (tests run from it). */
export const root = process.cwd();

/** Repo-relative paths of every file under `folder` (repo-relative) whose name ends with `suffix`. */
export function filesUnder(folder: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(suffix)) found.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(join(root, folder));
  return found.sort();
}
