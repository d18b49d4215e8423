/**
 * Playground speed budgets, measured in Chromium on the built site (DIST_DIR or dist/):
 * - the editor is interactive < 1.5 s after clicking Edit on a lesson page (median of 5 loads;
 *   the plain editor takes input first, and the time until Monaco replaces it is printed too);
 * - an updated result is shown < 50 ms after typing pauses, for a lesson-size snippet (median
 *   of 20 keystrokes, measured in the page from the keystroke to the settled state, so it
 *   includes the machine's debounce).
 * Prints the figures; exits 1 when a median is over budget. The lesson page's JS weight before
 * Edit is checked by scripts/size-budget.ts.
 */
import { openPage, startSession, unavailableReason } from '../test/e2e/harness.ts';

const lessonPath = 'foundations/how-to-ask-the-compiler/';
const editorBudgetMs = 1500;
const resultBudgetMs = 50;

/** The median of some figures. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const reason = unavailableReason();
if (reason !== undefined) {
  console.log(`bench-playground: skipped (${reason})`);
  process.exit(0);
}

const session = await startSession();
try {
  const editorTimes: number[] = [];
  const monacoTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    const { page, context } = await openPage(session);
    await page.goto(`${session.baseUrl}${lessonPath}`, { waitUntil: 'load' });
    const edit = page.locator('soh-playground [data-action="edit"]').first();
    await edit.scrollIntoViewIfNeeded();
    const started = Date.now();
    await edit.click();
    await page.waitForSelector('soh-playground[data-ready="true"]');
    editorTimes.push(Date.now() - started);
    await page.waitForSelector('soh-playground[data-editor="monaco"]');
    monacoTimes.push(Date.now() - started);
    await context.close();
  }

  const { page, context } = await openPage(session);
  await page.goto(`${session.baseUrl}${lessonPath}`, { waitUntil: 'load' });
  await page.locator('soh-playground [data-action="edit"]').first().click();
  await page.waitForSelector('soh-playground[data-editor="monaco"]');
  await page.waitForFunction(() => !['idle', 'debouncing', 'analyzing'].includes(document.querySelector('soh-playground[data-ready]')?.getAttribute('data-state') ?? 'idle'));
  await page.evaluate(() => {
    const playground = document.querySelector('soh-playground[data-ready]')!;
    const marks: { keydown: number; settled: number[] } = { keydown: 0, settled: [] };
    (window as unknown as { sohMarks: typeof marks }).sohMarks = marks;
    playground.addEventListener('keydown', () => (marks.keydown = performance.now()), true);
    new MutationObserver(() => {
      if (!['idle', 'debouncing', 'analyzing'].includes(playground.getAttribute('data-state') ?? '')) marks.settled.push(performance.now() - marks.keydown);
    }).observe(playground, { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.keyboard.press('Control+End');
  const resultTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    const before = await page.evaluate(() => (window as unknown as { sohMarks: { settled: number[] } }).sohMarks.settled.length);
    await page.keyboard.press(round % 2 === 0 ? 'Slash' : 'Backspace');
    await page.waitForFunction((count) => (window as unknown as { sohMarks: { settled: number[] } }).sohMarks.settled.length > count, before);
    resultTimes.push(await page.evaluate(() => (window as unknown as { sohMarks: { settled: number[] } }).sohMarks.settled.at(-1)!));
  }
  const finalState = await page.getAttribute('soh-playground[data-ready]', 'data-state');
  await context.close();

  const editorMedian = median(editorTimes);
  const resultMedian = median(resultTimes);
  console.log(`editor ready after Edit:   median ${editorMedian} ms (runs: ${editorTimes.join(', ')}; budget ${editorBudgetMs})`);
  console.log(`Monaco in place after Edit: median ${median(monacoTimes)} ms (runs: ${monacoTimes.join(', ')})`);
  console.log(
    `result after typing pause: median ${resultMedian.toFixed(1)} ms (min ${Math.min(...resultTimes).toFixed(1)}, max ${Math.max(...resultTimes).toFixed(1)}; budget ${resultBudgetMs}; answers were "${finalState}")`,
  );
  process.exitCode = editorMedian < editorBudgetMs && resultMedian < resultBudgetMs ? 0 : 1;
} finally {
  await session.close();
}
