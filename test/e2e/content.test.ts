/**
 * The reference pages and the lessons on slices, strings, big values, unsafe, maps and
 * measuring, in Chromium: the myths page shows a section with a verdict and evidence for every
 * claim, "How we know" shows the recorded conformance figures, and the lessons render their
 * recorded compiler output and measured figures.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, startSession, unavailableReason, type Session } from './harness.ts';

const skip = unavailableReason();
if (skip !== undefined) console.log(`end-to-end tests skipped: ${skip}`);

/** The totals line of src/data/conformance.json. */
interface ConformanceTotals {
  /** Expected regexps in Go's tests. */
  annotations: number;
  /** Of those, matched by the simulator. */
  matched: number;
}

describe('reference pages and lessons 11 to 20', { skip }, () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
  });

  test('the myths page has a section for each of the 32 claims, with a verdict, and shows recorded evidence', async () => {
    const { page, context, errors } = await openPage(session);
    await page.goto(new URL('reference/myths/', session.baseUrl).href);
    const headings = await page.locator('h3').allTextContents();
    const claims = headings.filter((text) => /^Claim \d+:/.test(text));
    assert.equal(claims.length, 32);
    for (let number = 1; number <= 32; number++) assert.ok(await page.locator(`#claim-${number}`).count(), `anchor for claim ${number}`);
    const verdicts = await page.locator('strong').allTextContents();
    assert.ok(verdicts.filter((text) => /^(FALSE|MISLEADING|PARTLY TRUE|TRUE)/.test(text)).length >= 31);
    assert.ok((await page.locator('figure.soh-compiler-says').count()) >= 17);
    assert.ok((await page.locator('figure', { hasText: 'testing.Benchmark' }).count()) >= 8);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('"How we know" shows the recorded conformance totals and the fixture status', async () => {
    const report = JSON.parse(readFileSync('src/data/conformance.json', 'utf8')) as { goVersion: string; total: ConformanceTotals };
    const { page, context, errors } = await openPage(session);
    await page.goto(new URL('reference/how-we-know/', session.baseUrl).href);
    const caption = await page.locator('.soh-conformance figcaption').textContent();
    assert.match(caption ?? '', new RegExp(`${report.total.matched} of ${report.total.annotations} expectations`));
    assert.match(caption ?? '', new RegExp(report.goVersion.replace('.', '\\.')));
    assert.match((await page.locator('.soh-fixtures figcaption').textContent()) ?? '', /in \d+ of \d+ runs/);
    // The differential run over Go's test tree: its program count and a row per flag set, with the recorded counts.
    const differential = JSON.parse(readFileSync('src/data/differential.json', 'utf8')) as { programs: number; counts: Record<string, { same: number; wrong: number }> };
    assert.match((await page.locator('.soh-differential figcaption').textContent()) ?? '', new RegExp(`^\\s*${differential.programs.toLocaleString('en-US')} programs from Go's test tree`));
    const rows = page.locator('.soh-differential tbody tr');
    assert.equal(await rows.count(), Object.keys(differential.counts).length);
    for (const [index, [flags, counts]] of Object.entries(differential.counts).entries()) {
      const row = rows.nth(index);
      assert.equal((await row.locator('th').textContent())?.trim(), flags);
      const cells = (await row.locator('td').allTextContents()).map((cell) => cell.trim());
      assert.equal(cells[0], String(counts.same));
      assert.equal(cells[2], String(counts.wrong));
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const path of [
    'foundations/slices/',
    'foundations/strings-and-bytes/',
    'foundations/big-values/',
    'foundations/unsafe/',
    'maps/classic-maps/',
    'maps/swiss-tables/',
    'maps/maps-and-escape-analysis/',
    'maps/clearing-and-reusing-maps/',
    'maps/sync-map-or-mutex/',
    'measuring/finding-allocations/',
  ]) {
    test(`${path} renders recorded output, measured figures and a quiz without errors`, async () => {
      const { page, context, errors } = await openPage(session);
      await page.goto(new URL(path, session.baseUrl).href, { waitUntil: 'networkidle' });
      assert.ok((await page.locator('figure.soh-compiler-says').count()) >= 1, 'compiler output');
      assert.ok((await page.locator('figure', { hasText: 'testing.Benchmark' }).count()) >= 1, 'measured figures');
      assert.ok((await page.locator('soh-quiz li[data-item]').count()) >= 4, 'quiz items');
      assert.ok((await page.locator('soh-playground').count()) >= 2, 'playgrounds');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
