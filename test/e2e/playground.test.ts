/**
 * The playground in Chromium: live analysis as you type, share links, the timeout path,
 * autosave across reloads, accessibility, keyboard-only use and screenshots. The speed budgets
 * are measured by scripts/bench-playground.ts. Build first: `npx astro build --outDir /tmp/playground-dist`, then
 * `DIST_DIR=/tmp/playground-dist node --test test/e2e/playground.test.ts`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openPage, seriousAxeViolations, startSession, unavailableReason, type Session } from './harness.ts';

const skip = unavailableReason();

const pointerProgram = 'package main\n\nfunc f() *int {\n\tx := 1\n\treturn &x\n}\n\nfunc main() {\n\t_ = f()\n}\n';
const valueProgram = 'package main\n\nfunc f() int {\n\tx := 1\n\treturn x\n}\n\nfunc main() {\n\t_ = f()\n}\n';

/** Waits until the editor is ready and, on desktop widths, Monaco has replaced the plain editor. */
async function editorReady(page: Page): Promise<void> {
  await page.waitForSelector('soh-playground[data-ready="true"]', { timeout: 20_000 });
  if ((page.viewportSize()?.width ?? 0) >= 700) await page.waitForSelector('soh-playground[data-editor="monaco"]', { timeout: 20_000 });
}

/** Opens the playground page and waits until the editor is ready. */
async function openPlayground(page: Page, baseUrl: string, suffix = ''): Promise<void> {
  await page.goto(`${baseUrl}playground/${suffix}`);
  await editorReady(page);
}

/** The editor's text, whichever editor is in use. */
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('soh-playground') as HTMLElement & { text: string }).text);
}

/** Replaces the editor's whole text as a reader would: select all, then paste. */
async function replaceText(page: Page, text: string): Promise<void> {
  const textarea = page.locator('textarea.soh-ta__text');
  if ((await textarea.count()) > 0) {
    await textarea.fill(text);
    return;
  }
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('[data-role="editor"] .monaco-editor .view-lines').click();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.waitForFunction((value) => (document.querySelector('soh-playground') as HTMLElement & { text: string }).text === value, text);
}

/** Waits until the machine has settled in a state other than the busy ones. */
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const state = document.querySelector('soh-playground')?.getAttribute('data-state');
    return state !== undefined && state !== null && !['idle', 'debouncing', 'analyzing'].includes(state);
  });
  return (await page.getAttribute('soh-playground', 'data-state'))!;
}

describe('playground', { skip }, () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
  });

  it('returning &x puts a heap badge on x and prints "moved to heap: x"', async () => {
    const { page, context, errors } = await openPage(session);
    await openPlayground(page, session.baseUrl);
    await page.locator('input[data-flag="l"]').check();
    await replaceText(page, pointerProgram);
    await page.waitForFunction(() => document.querySelector('[data-role="gc-output"]')?.textContent?.includes('moved to heap: x'), undefined, { timeout: 5000 });
    assert.equal(await page.locator('.soh-inline-badge--heap, .soh-ta__row .soh-badge--heap').count() > 0, true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('returning x instead removes the badge and the line', async () => {
    const { page, context } = await openPage(session);
    await openPlayground(page, session.baseUrl);
    await page.locator('input[data-flag="l"]').check();
    await replaceText(page, pointerProgram);
    await page.waitForFunction(() => document.querySelector('[data-role="gc-output"]')?.textContent?.includes('moved to heap: x'), undefined, { timeout: 5000 });
    await replaceText(page, valueProgram);
    await page.waitForFunction(() => !document.querySelector('[data-role="gc-output"]')?.textContent?.includes('moved to heap'), undefined, { timeout: 5000 });
    assert.equal(await settled(page), 'shown');
    assert.equal(await page.locator('.soh-inline-badge--heap').count(), 0);
    await context.close();
  });

  it('a share link reopens the same code and flags', async () => {
    const { page, context, errors } = await openPage(session);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openPlayground(page, session.baseUrl);
    await replaceText(page, valueProgram);
    await page.locator('input[data-flag="l"]').check();
    await page.locator('[data-action="share"]').click();
    const link = await page.locator('[data-role="share-link"]').inputValue();
    assert.match(link, /\/playground\/#share=v1\.[A-Za-z0-9_-]+$/);
    const other = await context.newPage();
    await other.goto(link);
    await editorReady(other);
    assert.equal(await editorText(other), valueProgram);
    assert.equal(await other.locator('input[data-flag="l"]').isChecked(), true);
    assert.match((await other.textContent('[data-role="notices"]')) ?? '', /Opened the snippet from the share link/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a malformed share link opens the default example with a notice', async () => {
    const { page, context } = await openPage(session);
    await openPlayground(page, session.baseUrl, '#share=v1.this-is-not-deflate');
    const notices = (await page.textContent('[data-role="notices"]')) ?? '';
    assert.match(notices, /could not be opened/);
    assert.match(await editorText(page), /func newPoint/);
    await context.close();
  });

  it('a pathological input that outlives the time limit times out, keeps the text, and the page recovers', async () => {
    const { page, context } = await openPage(session);
    // The first analysis worker hangs on every request, standing in for an engine that takes
    // too long on this input; the worker started after the timeout is the real one.
    let workersServed = 0;
    await page.route('**/analysis.worker*.js', async (route) => {
      workersServed += 1;
      if (workersServed === 1) await route.fulfill({ contentType: 'text/javascript', body: 'postMessage({ kind: "ready" }); addEventListener("message", () => { for (;;) {} });' });
      else await route.continue();
    });
    await openPlayground(page, session.baseUrl);
    const pathological = `package main\n\nvar x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\n`;
    await replaceText(page, pathological);
    await page.waitForFunction(() => document.querySelector('soh-playground')?.getAttribute('data-state') === 'timedOut', undefined, { timeout: 15_000 });
    assert.match((await page.textContent('[data-role="status"]')) ?? '', /worker was restarted/);
    assert.equal(await editorText(page), pathological);
    assert.equal(workersServed, 2);
    await replaceText(page, valueProgram);
    const state = await settled(page);
    assert.ok(!['timedOut', 'crashed'].includes(state), `ended in ${state}`);
    await context.close();
  });

  it('a crashing analysis shows the message and a copyable report, and keeps the text', async () => {
    const { page, context } = await openPage(session);
    await page.route('**/analysis.worker*.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'postMessage({ kind: "ready" }); addEventListener("message", (event) => postMessage({ id: event.data.id, kind: "failure", message: "RangeError: Maximum call stack size exceeded" }));',
      }),
    );
    await openPlayground(page, session.baseUrl);
    await page.waitForFunction(() => document.querySelector('soh-playground')?.getAttribute('data-state') === 'crashed');
    const report = (await page.textContent('[data-role="crash"] pre')) ?? '';
    assert.match(report, /RangeError: Maximum call stack size exceeded/);
    assert.match(report, /func newPoint/);
    assert.equal(await page.locator('[data-role="crash"] button', { hasText: 'Copy report' }).count(), 1);
    assert.match(await editorText(page), /func newPoint/);
    await context.close();
  });

  it('a compile error is shown at its position in the editor and in the output', async () => {
    const { page, context } = await openPage(session);
    await openPlayground(page, session.baseUrl);
    await page.locator('input[data-flag="l"]').check();
    await replaceText(page, 'package main\n\nfunc main() {\n\tx := \n}\n');
    assert.equal(await settled(page), 'syntaxError');
    assert.match((await page.textContent('[data-role="gc-output"]')) ?? '', /:5:1: syntax error/);
    await page.waitForSelector('[data-role="editor"] .squiggly-error');
    await context.close();
  });

  it('the examples menu loads an example, and "copy as Go benchmark" gives a test file', async () => {
    const { page, context } = await openPage(session);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openPlayground(page, session.baseUrl);
    await page.locator('[data-role="examples-menu"]').selectOption('closure-counter.go');
    assert.match(await editorText(page), /func counter\(\) func\(\) int/);
    await page.locator('[data-action="benchmark"]').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^package main\n/);
    assert.match(copied, /func BenchmarkCounter\(b \*testing\.B\)/);
    assert.match(copied, /go test -bench \. -benchmem/);
    await context.close();
  });

  it('edits survive a reload, with a restored notice and a confirmed reset', async () => {
    const { page, context } = await openPage(session);
    await openPlayground(page, session.baseUrl);
    await replaceText(page, valueProgram);
    await settled(page);
    await page.reload();
    await editorReady(page);
    assert.match(await editorText(page), /return x/);
    assert.match((await page.textContent('[data-role="notices"]')) ?? '', /Restored your edits/);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.accept();
    });
    await page.locator('[data-action="reset-restored"]').click();
    assert.equal(dialogs, 1);
    assert.match(await editorText(page), /func newPoint/);
    await page.reload();
    await editorReady(page);
    assert.equal(await page.locator('[data-action="reset-restored"]').count(), 0);
    await context.close();
  });

  it('has no serious accessibility violations (page in light and dark, opened lesson editor)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openPage(session, { colorScheme });
      await openPlayground(page, session.baseUrl);
      await settled(page);
      assert.deepEqual(await seriousAxeViolations(page), [], colorScheme);
      await context.close();
    }
    const { context } = await openPage(session);
    const lesson = await context.newPage();
    await lesson.goto(`${session.baseUrl}foundations/how-to-ask-the-compiler/`);
    await lesson.locator('soh-playground [data-action="edit"]').first().click();
    await editorReady(lesson);
    assert.deepEqual(await seriousAxeViolations(lesson), []);
    await context.close();
  });

  it('can be used with the keyboard only', async () => {
    const { page, context } = await openPage(session);
    await page.goto(`${session.baseUrl}foundations/how-to-ask-the-compiler/`);
    const edit = page.locator('soh-playground [data-action="edit"]').first();
    await edit.focus();
    await page.keyboard.press('Enter');
    await editorReady(page);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('soh-playground [data-role="editor"]') !== null), true);
    // Focus lands in the editor; Ctrl+M makes Tab leave it, and the hint says so.
    await page.keyboard.press('Control+M');
    assert.match((await page.locator('soh-playground[data-ready="true"] [data-role="tab-hint"]').textContent()) ?? '', /Tab now moves focus/);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('.monaco-editor, textarea') === null);
    assert.equal(focused, true);
    await context.close();
  });

  it('screenshots: desktop, dark, 390 px (plain editor)', async () => {
    for (const [name, options] of [
      ['desktop', { width: 1280, height: 900 }],
      ['dark', { width: 1280, height: 900, colorScheme: 'dark' as const }],
      ['narrow', { width: 390, height: 844 }],
    ] as const) {
      const { page, context, errors } = await openPage(session, options);
      await openPlayground(page, session.baseUrl);
      await settled(page);
      if (name === 'narrow') assert.equal(await page.getAttribute('soh-playground', 'data-editor'), 'textarea');
      await page.screenshot({ path: `/tmp/playground-${name}.png`, fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
});
