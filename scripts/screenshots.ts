/**
 * Screenshots of the built site for a person to look at: every page type in light and dark,
 * at desktop width and at 390 px (a phone). Usage:
 *   node scripts/screenshots.ts [OUT_DIR] [PATH...]    (default /tmp/soh-screenshots, the main pages)
 * Reads DIST_DIR like the end-to-end tests.
 */
import { mkdirSync } from 'node:fs';
import { openPage, startSession } from '../test/e2e/harness.ts';

const [outDir = '/tmp/soh-screenshots', ...requested] = process.argv.slice(2);
const paths = requested.length > 0 ? requested : ['/', '/foundations/how-to-ask-the-compiler/', '/playground/', '/maps/'];
mkdirSync(outDir, { recursive: true });

const session = await startSession();
try {
  for (const path of paths) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const { page, context } = await openPage(session, { width, height: width > 500 ? 900 : 844, colorScheme });
        await page.goto(new URL(path.slice(1), session.baseUrl).href, { waitUntil: 'networkidle' });
        const name = `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${colorScheme}-${width}.png`;
        await page.screenshot({ path: `${outDir}/${name}`, fullPage: false });
        console.log(`${outDir}/${name}`);
        await context.close();
      }
    }
  }
} finally {
  await session.close();
}
