/**
 * Page weight budget: gzip bytes of the HTML, CSS and JS each page type ships on first load
 * (before any editor is opened), read from the built site in dist/. Fails when a lesson page
 * ships more than 100 KB of JavaScript. Prints the figures for every page type.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = process.env.DIST_DIR ? `${process.env.DIST_DIR.replace(/\/$/, '')}/` : fileURLToPath(new URL('../dist/', import.meta.url));
const lessonJsBudget = 100 * 1024;

/** A page type and one built page that represents it. */
const pageTypes: Array<{ type: string; path: string }> = [
  { type: 'landing', path: 'index.html' },
  { type: 'lesson', path: 'foundations/how-to-ask-the-compiler/index.html' },
  { type: 'playground', path: 'playground/index.html' },
  { type: 'map lab', path: 'maps/index.html' },
];

function gzipBytes(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Local assets a page loads on first paint: stylesheets, module scripts and their static imports. */
function firstLoadAssets(html: string): { css: Set<string>; js: Set<string> } {
  const css = new Set<string>();
  const js = new Set<string>();
  for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) css.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="stylesheet"/g)) css.add(match[1]!);
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) js.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) js.add(match[1]!);
  // Static imports of each script are loaded too; dynamic import() is not (that is the lazy editor).
  const queue = [...js];
  while (queue.length > 0) {
    const script = queue.pop()!;
    const file = join(dist, script.replace(/^\//, ''));
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const target = new URL(match[1]!, `http://x${script}`).pathname;
      if (!js.has(target)) {
        js.add(target);
        queue.push(target);
      }
    }
  }
  return { css, js };
}

/** Gzip bytes one built page ships on first load. */
function pageWeight(path: string): { html: number; css: number; js: number } {
  const html = readFileSync(join(dist, path), 'utf8');
  const { css, js } = firstLoadAssets(html);
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n');
  const sum = (assets: Set<string>) =>
    [...assets].reduce((total, asset) => {
      const assetFile = join(dist, asset.replace(/^\//, ''));
      return total + (existsSync(assetFile) ? gzipBytes(readFileSync(assetFile)) : 0);
    }, 0);
  return {
    html: gzipBytes(html),
    css: sum(css),
    js: sum(js) + (inlineScripts.length > 0 ? gzipBytes(inlineScripts) : 0),
  };
}

const row = (label: string, weight: { html: number; css: number; js: number }) =>
  `${label.padEnd(34)} ${String(weight.html).padStart(8)} ${String(weight.css).padStart(9)} ${String(weight.js).padStart(9)}`;

let failed = false;
console.log(`${'page type (example page)'.padEnd(34)}  HTML gz    CSS gz     JS gz  (bytes, first load, before the editor opens)`);
for (const { type, path } of pageTypes) {
  if (!existsSync(join(dist, path))) {
    console.log(`${type.padEnd(34)} missing: ${path}`);
    failed = true;
    continue;
  }
  console.log(row(type, pageWeight(path)));
}

// The budget holds for every lesson page, not only the example above.
const lessonPages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => file.endsWith('/index.html') && /^(foundations|maps|measuring|reference)\//.test(file));
let heaviest = { path: '', js: 0 };
for (const path of lessonPages) {
  const { js } = pageWeight(path);
  if (js > heaviest.js) heaviest = { path, js };
  if (js > lessonJsBudget) {
    console.log(`  over budget: ${path} ships ${js} bytes of JS (gzip); a lesson page may ship at most ${lessonJsBudget} before the editor opens`);
    failed = true;
  }
}
console.log(`lesson pages checked: ${lessonPages.length}; heaviest JS: ${heaviest.js} bytes gzip (${heaviest.path}); budget ${lessonJsBudget}`);
process.exitCode = failed ? 1 : 0;
