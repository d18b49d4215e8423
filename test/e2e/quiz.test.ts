/**
 * Quizzes and progress in Chromium: answering shows the verdict and the explanation, answers
 * survive a reload and show on /progress/, corrupt saved data is reset with a visible notice,
 * progress exports and imports, the quiz works from the keyboard, pages stay axe-clean, and the
 * built site has no broken internal links.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { distDir, openPage, seriousAxeViolations, startSession, unavailableReason, type AxeViolation, type Session } from './harness.ts';
import { findBrokenLinks } from '../lessons/links.ts';

/**
 * Serious and critical axe violations of the page without its playgrounds: this file answers
 * for the lesson components (quiz, compiler output, allocation table, progress view); the
 * playground and whole pages are swept by their own tests.
 */
async function lessonComponentViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(() => document.querySelectorAll('soh-playground').forEach((playground) => playground.remove()));
  return seriousAxeViolations(page);
}

const skip = unavailableReason();
if (skip !== undefined) console.log(`quiz end-to-end tests skipped: ${skip}`);

const lessonPath = 'foundations/returning-pointers/';
const storageKey = 'soh:progress:v1';

describe('quiz and progress', { skip }, () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
  });

  test('the built site has no broken internal links', () => {
    assert.deepEqual(findBrokenLinks(distDir), []);
  });

  test('answering shows the verdict and explanation, survives a reload and shows on /progress/', async () => {
    const { page, context, errors } = await openPage(session);
    await page.goto(new URL(lessonPath, session.baseUrl).href);
    const item = page.locator('soh-quiz [data-item="address-of-local"]');
    await item.getByLabel('Heap').check();
    await item.getByRole('button', { name: 'Check answer' }).click();
    assert.match(await item.locator('[data-verdict]').innerText(), /^Correct: Heap\./);
    assert.ok(await item.locator('[data-explanation]').isVisible());
    assert.match(await item.locator('[data-explanation]').innerText(), /moved to heap: p/);
    assert.ok(await item.getByRole('button', { name: 'Try again' }).isVisible());

    const wrong = page.locator('soh-quiz [data-item="pointer-passed-down"]');
    await wrong.getByLabel('Heap').check();
    await wrong.getByRole('button', { name: 'Check answer' }).click();
    assert.match(await wrong.locator('[data-verdict]').innerText(), /^Not quite: you chose Heap\./);
    assert.ok(await wrong.locator('[data-explanation]').isVisible());

    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), storageKey)) ?? 'null');
    assert.equal(saved.version, 1);
    assert.deepEqual(
      Object.fromEntries(Object.entries(saved.lessons['foundations/returning-pointers']).map(([id, answer]) => [id, (answer as { correct: boolean }).correct])),
      { 'address-of-local': true, 'pointer-passed-down': false },
    );

    await page.reload();
    assert.ok(await item.getByLabel('Heap').isChecked());
    assert.ok(await item.locator('[data-explanation]').isVisible());
    assert.match(await page.locator('soh-quiz [data-score]').innerText(), /1 of 5 right \(2 answered\)/);

    await page.goto(new URL('progress/', session.baseUrl).href);
    const row = page.locator('tr[data-lesson="foundations/returning-pointers"]');
    assert.equal(await row.locator('[data-answered]').innerText(), '2');
    assert.equal(await row.locator('[data-correct]').innerText(), '1');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('try again clears the answer and forgets it', async () => {
    const { page, context } = await openPage(session);
    await page.goto(new URL(lessonPath, session.baseUrl).href);
    const item = page.locator('soh-quiz [data-item="string-to-result"]');
    await item.locator('input[type="radio"]').first().check();
    await item.getByRole('button', { name: 'Check answer' }).click();
    await item.getByRole('button', { name: 'Try again' }).click();
    assert.equal(await item.locator('input[type="radio"]:checked').count(), 0);
    assert.ok(await item.locator('[data-explanation]').isHidden());
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), storageKey)) ?? 'null');
    assert.equal(saved.lessons['foundations/returning-pointers']['string-to-result'], undefined);
    await context.close();
  });

  test('corrupt saved progress is reset, with a visible notice, on a lesson and on /progress/', async () => {
    for (const path of [lessonPath, 'progress/']) {
      const { page, context, errors } = await openPage(session);
      await page.goto(new URL(path, session.baseUrl).href);
      await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"lessons":'), storageKey);
      await page.reload();
      const notice = page.locator('[data-notice]').first();
      assert.ok(await notice.isVisible(), `${path}: notice visible`);
      assert.match(await notice.innerText(), /could not be read, so it has been reset/);
      const stored = await page.evaluate((key) => localStorage.getItem(key), storageKey);
      assert.deepEqual(JSON.parse(stored ?? 'null'), { version: 1, lessons: {} });
      await page.reload();
      assert.ok(await page.locator('[data-notice]').first().isHidden(), `${path}: notice gone once reset`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('progress exports to a JSON file and imports back; a bad file is refused', async () => {
    const { page, context } = await openPage(session);
    await page.goto(new URL(lessonPath, session.baseUrl).href);
    const item = page.locator('soh-quiz [data-item="address-of-local"]');
    await item.getByLabel('Heap').check();
    await item.getByRole('button', { name: 'Check answer' }).click();

    await page.goto(new URL('progress/', session.baseUrl).href);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    const folder = mkdtempSync(join(tmpdir(), 'progress-'));
    const exported = join(folder, download.suggestedFilename());
    await download.saveAs(exported);
    assert.equal(download.suggestedFilename(), 'stack-or-heap-progress.json');
    const exportedProgress = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(exportedProgress.lessons['foundations/returning-pointers']['address-of-local'].correct, true);

    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Clear all answers' }).click();
    const row = page.locator('tr[data-lesson="foundations/returning-pointers"]');
    assert.equal(await row.locator('[data-answered]').innerText(), '0');

    const bad = join(folder, 'bad.json');
    writeFileSync(bad, '{"version":7}');
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.locator('[data-message]', { hasText: 'Nothing imported' }).waitFor();
    assert.equal(await row.locator('[data-answered]').innerText(), '0');

    await page.locator('input[type="file"]').setInputFiles(exported);
    await page.locator('[data-message]', { hasText: 'Progress imported' }).waitFor();
    assert.equal(await row.locator('[data-answered]').innerText(), '1');
    assert.equal(await row.locator('[data-correct]').innerText(), '1');
    await context.close();
  });

  test('a question can be answered with the keyboard alone', async () => {
    const { page, context } = await openPage(session);
    await page.goto(new URL(lessonPath, session.baseUrl).href);
    const item = page.locator('soh-quiz [data-item="address-of-local"]');
    await item.locator('input[type="radio"]').first().focus();
    await page.keyboard.press('ArrowDown');
    assert.ok(await item.getByLabel('Heap').isChecked());
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Check answer');
    await page.keyboard.press('Enter');
    assert.match(await item.locator('[data-verdict]').innerText(), /^Correct/);
    assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-verdict')), true);
    await context.close();
  });

  test('the quiz with answered questions, the compiler output and /progress/ are axe-clean in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openPage(session, { colorScheme });
      await page.goto(new URL(lessonPath, session.baseUrl).href);
      for (const [id, choice] of [['address-of-local', 'Heap'], ['pointer-passed-down', 'Heap']] as const) {
        const item = page.locator(`soh-quiz [data-item="${id}"]`);
        await item.getByLabel(choice).check();
        await item.getByRole('button', { name: 'Check answer' }).click();
      }
      assert.deepEqual(await lessonComponentViolations(page), [], `lesson (${colorScheme})`);
      await page.goto(new URL('progress/', session.baseUrl).href);
      assert.deepEqual(await lessonComponentViolations(page), [], `progress (${colorScheme})`);
      await context.close();
    }
  });
});
