import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtPages, openPage, seriousAxeViolations, startSession, unavailableReason, type Session } from './harness.ts';

const skip = unavailableReason();
if (skip !== undefined) console.log(`end-to-end tests skipped: ${skip}`);

describe('site', { skip }, () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
  });

  for (const path of builtPages()) {
    test(`${path} loads without console errors and is axe-clean in light and dark`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, context, errors } = await openPage(session, { colorScheme });
        const response = await page.goto(new URL(path.slice(1), session.baseUrl).href, { waitUntil: 'load' });
        assert.equal(response?.status(), 200, `${path} status`);
        await page.waitForLoadState('networkidle');
        const violations = await seriousAxeViolations(page);
        assert.deepEqual(violations, [], `${path} (${colorScheme}) has axe violations`);
        assert.deepEqual(errors, [], `${path} (${colorScheme}) logged errors`);
        await context.close();
      }
    });
  }

  test('unknown routes get the 404 page with status 404', async () => {
    const { page, context } = await openPage(session);
    const response = await page.goto(new URL('no/such/page/', session.baseUrl).href);
    assert.equal(response?.status(), 404);
    assert.match(await page.title(), /404|not found/i);
    await context.close();
  });

  test('search finds a word from a lesson', async () => {
    const { page, context, errors } = await openPage(session);
    await page.goto(session.baseUrl);
    await page.getByRole('button', { name: /search/i }).first().click();
    const input = page.locator('dialog[open] input[type="search"], dialog[open] input').first();
    await input.fill('inlining');
    const result = page.locator('dialog[open] a[href*="how-to-ask-the-compiler"]').first();
    await result.waitFor({ timeout: 10_000 });
    assert.ok(await result.isVisible());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the theme toggle switches to dark and back, and the choice survives a reload', async () => {
    const { page, context } = await openPage(session);
    await page.goto(new URL('foundations/how-to-ask-the-compiler/', session.baseUrl).href);
    const select = page.locator('starlight-theme-select select').first();
    await select.selectOption('dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await select.selectOption('light');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await context.close();
  });

  test('the landing page says what the site is, which Go version it models, and links onward', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.baseUrl);
    const text = await page.locator('main').innerText();
    assert.match(text, /Go 1\.26/);
    for (const href of ['/foundations/how-to-ask-the-compiler/', '/playground/', '/maps/']) {
      assert.ok(await page.locator(`main a[href="${href}"]`).count(), `link to ${href}`);
    }
    await context.close();
  });
});
