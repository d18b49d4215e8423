/**
 * `DIST_DIR=/tmp/site node scripts/content/screenshots.ts OUT_DIR PATH...`: serves a built site
 * and saves three screenshots of each path (desktop light, desktop dark, 390 px phone) into
 * OUT_DIR, so a writer can look at a page the way readers will see it. A path with a `#fragment`
 * gets one screen at that anchor instead of the whole page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSession } from '../../test/e2e/harness.ts';

/** One way of looking at a page. */
interface View {
  /** Suffix of the file name. */
  name: string;
  /** Viewport width in CSS pixels. */
  width: number;
  /** Starlight's colour theme. */
  theme: 'light' | 'dark';
}

const views: View[] = [
  { name: 'desktop', width: 1280, theme: 'light' },
  { name: 'dark', width: 1280, theme: 'dark' },
  { name: 'phone', width: 390, theme: 'light' },
];

const [outDir, ...paths] = process.argv.slice(2);
if (outDir === undefined || paths.length === 0) {
  console.error('usage: node scripts/content/screenshots.ts OUT_DIR PATH...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const session = await startSession();
try {
  for (const path of paths) {
    for (const view of views) {
      const context = await session.browser.newContext({ viewport: { width: view.width, height: 900 }, colorScheme: view.theme });
      const page = await context.newPage();
      await page.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), view.theme);
      await page.goto(new URL(path.replace(/^\//, ''), session.baseUrl).href, { waitUntil: 'networkidle' });
      const file = join(outDir, `${path.replace(/^\/|\/$/g, '').replace(/[/#]+/g, '-') || 'home'}-${view.name}.png`);
      await page.screenshot({ path: file, fullPage: !path.includes('#') });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await session.close();
}
