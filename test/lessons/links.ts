/**
 * Internal link checker for the built site: every `href` and `src` in every HTML page that
 * points inside the site must name a file that exists in the build, and every `#fragment`
 * must name an id on the target page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One broken link. */
export interface BrokenLink {
  /** The page it is on, as a site path (`/foundations/closures/`). */
  page: string;
  /** The link as written. */
  link: string;
  /** What is wrong with it. */
  problem: string;
}

function htmlFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) htmlFiles(path, found);
    else if (name.endsWith('.html')) found.push(path);
  }
  return found;
}

/** The file a site path resolves to in the build, or undefined. */
function resolveTarget(distDir: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}.html`, `${decoded}/index.html`];
  for (const candidate of candidates) {
    const file = join(distDir, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
}

/** Every broken internal link in the site built into `distDir`. */
export function findBrokenLinks(distDir: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idCache.get(file);
    if (found === undefined) {
      found = idsOf(readFileSync(file, 'utf8'));
      idCache.set(file, found);
    }
    return found;
  };
  for (const file of htmlFiles(distDir)) {
    const sitePath = `/${relative(distDir, file).split('\\').join('/')}`.replace(/index\.html$/, '');
    const html = readFileSync(file, 'utf8');
    // Links inside <script> bodies are code, not markup.
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    for (const match of markup.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = match[1]!.replace(/&amp;/g, '&');
      if (link === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link)) continue;
      const url = new URL(link, `http://site${sitePath}`);
      const target = resolveTarget(distDir, url.pathname);
      if (target === undefined) {
        broken.push({ page: sitePath, link, problem: 'no such page or file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment !== '' && target.endsWith('.html') && !ids(target).has(fragment)) {
        broken.push({ page: sitePath, link, problem: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}
