/**
 * Screenshots of the built site for a person to look at: each page in light and dark, at
 * desktop width and at 390 px (a phone). Usage:
 *   node scripts/screenshots.ts [OUT_DIR] [PATH...]    (default /tmp/soh-screenshots, the main pages)
 * Reads DIST_DIR like the end-to-end tests. A path with a `#fragment` gets one screen at that
 * anchor; other paths get the whole page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, startSession } from '../test/e2e/harness.ts';

const [outDir = '/tmp/soh-screenshots', ...requested] = process.argv.slice(2);
const paths = requested.length > 0 ? requested : ['/', '/foundations/how-to-ask-the-compiler/', '/playground/', '/maps/'];
mkdirSync(outDir, { recursive: true });

const session = await startSession();
try {
  for (const path of paths) {
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const { page, context } = await openPage(session, { width, height: width > 500 ? 900 : 844, colorScheme: theme });
        // Starlight's own theme choice, so the page is in that theme whatever the default.
        await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
        await page.goto(new URL(path.replace(/^\//, ''), session.baseUrl).href, { waitUntil: 'networkidle' });
        const name = `${path.replace(/^\/|\/$/g, '').replace(/[/#]+/g, '-') || 'home'}-${theme}-${width}.png`;
        await page.screenshot({ path: join(outDir, name), fullPage: !path.includes('#') });
        console.log(join(outDir, name));
        await context.close();
      }
    }
  }
} finally {
  await session.close();
}
