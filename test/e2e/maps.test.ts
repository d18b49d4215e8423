import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openPage, seriousAxeViolations, startSession, unavailableReason, type Session } from './harness.ts';
import { framesPerSecond, insertKeys, labState, stepThroughOperation } from '../maps/lab-page.ts';

const skip = unavailableReason();
if (skip !== undefined) console.log(`map lab end-to-end tests skipped: ${skip}`);

/** Inserts the typed key `key` (shown step by step afterwards). */
async function insertKey(page: Page, key: number): Promise<void> {
  await page.fill('[data-key]', String(key));
  await page.click('button[data-action="insert"]');
}

async function open(session: Session, options: Parameters<typeof openPage>[1] = {}) {
  const watched = await openPage(session, options);
  await watched.page.goto(new URL('maps/', session.baseUrl).href, { waitUntil: 'load' });
  await watched.page.waitForSelector('map-lab[data-state]');
  return watched;
}

describe('map lab', { skip }, () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
  });

  test('says which Go versions each side models', async () => {
    const { page, context, errors } = await open(session);
    const text = await page.locator('map-lab').innerText();
    assert.match(text, /Classic buckets\s+Go 1\.19 – 1\.23/);
    assert.match(text, /Swiss tables\s+Go 1\.24 – 1\.26/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('inserting until the classic map grows, then stepping, shows evacuation advancing', async () => {
    const { page, context, errors } = await open(session);
    await insertKeys(page, 416);
    let state = await labState(page);
    assert.equal(state.classicCount, '416');
    assert.equal(state.classicB, '6');
    assert.equal(state.classicGrowing, 'false');
    await insertKey(page, 416);
    await page.click('button[data-action="finish"]');
    state = await labState(page);
    assert.equal(state.classicB, '7', 'the 417th key starts the grow to B = 7');
    assert.equal(state.classicGrowing, 'true');
    assert.match(await page.locator('[data-evacuation-text]').innerText(), /Growing: \d+ of 64 old buckets evacuated/);
    const progress: number[] = [Number(state.classicNevacuate)];
    let sawEvacuationCaption = false;
    for (let key = 417; key < 600 && (await labState(page)).classicGrowing === 'true'; key++) {
      await insertKey(page, key);
      const captions = await stepThroughOperation(page);
      if (captions.some((caption) => /evacuated: \d+ entries to bucket/.test(caption.classic))) sawEvacuationCaption = true;
      progress.push(Number((await labState(page)).classicNevacuate));
    }
    state = await labState(page);
    assert.equal(state.classicGrowing, 'false', 'the grow finished');
    assert.ok(sawEvacuationCaption, 'a caption described an evacuation');
    assert.ok(progress.length > 5, `evacuation took several inserts (${progress.length})`);
    for (let i = 1; i < progress.length - 1; i++) assert.ok((progress[i] as number) >= (progress[i - 1] as number), 'nevacuate never goes back');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('inserting until the Swiss map splits: the 897th key splits the table and doubles the directory', async () => {
    const { page, context, errors } = await open(session);
    await insertKeys(page, 896);
    let state = await labState(page);
    assert.equal(state.swissTables, '1');
    assert.equal(state.swissDirLen, '1');
    await insertKey(page, 896);
    const captions = (await stepThroughOperation(page)).map((caption) => caption.swiss);
    state = await labState(page);
    assert.equal(state.swissTables, '2');
    assert.equal(state.swissDirLen, '2');
    assert.ok(captions.some((caption) => /splits in two/.test(caption)), 'a caption described the split');
    assert.ok(captions.some((caption) => /directory doubles to 2 entries/.test(caption)), 'a caption described the directory doubling');
    assert.match(await page.locator('[data-swiss-stats]').innerText(), /directory 2 \(globalDepth 1\) · 2 tables · 2048 slots/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a typed key that is not a whole number is refused with a message, never inserted as markup', async () => {
    const { page, context, errors } = await open(session);
    await page.fill('[data-key]', '<img src=x onerror=alert(1)>');
    await page.click('button[data-action="insert"]');
    assert.match(await page.locator('[data-message]').innerText(), /whole number/);
    assert.equal(await page.locator('map-lab img').count(), 0);
    assert.equal((await labState(page)).applied, '0');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('delete, look up and clear work from the keyboard', async () => {
    const { page, context, errors } = await open(session);
    await insertKeys(page, 20);
    await page.fill('[data-key]', '3');
    await page.focus('button[data-action="lookup"]');
    await page.keyboard.press('Enter');
    await page.click('button[data-action="finish"]');
    assert.match(await page.locator('[data-caption-operation]').innerText(), /ok = true/);
    await page.focus('button[data-action="delete"]');
    await page.keyboard.press('Enter');
    await page.click('button[data-action="finish"]');
    assert.equal((await labState(page)).classicCount, '19');
    await page.focus('button[data-action="clear"]');
    await page.keyboard.press('Enter');
    await page.click('button[data-action="finish"]');
    const state = await labState(page);
    assert.equal(state.classicCount, '0');
    assert.equal(state.classicB, '2', 'clear keeps B');
    assert.equal(state.swissTables, '1', 'clear keeps the table');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('axe finds nothing serious, light and dark, with a grown map on screen', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, errors } = await open(session, { colorScheme });
      await insertKeys(page, 1000);
      await insertKey(page, 5000);
      assert.deepEqual(await seriousAxeViolations(page), [], `${colorScheme}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('screenshots: desktop, dark, 390 px wide', async () => {
    const shots: [string, Parameters<typeof openPage>[1]][] = [
      ['/tmp/maps-desktop.png', { width: 1440, height: 1000 }],
      ['/tmp/maps-dark.png', { width: 1440, height: 1000, colorScheme: 'dark' }],
      ['/tmp/maps-390.png', { width: 390, height: 844 }],
    ];
    for (const [path, options] of shots) {
      const { page, context, errors } = await open(session, options);
      await insertKeys(page, 40);
      await insertKey(page, 1000);
      await page.click('button[data-action="step"]');
      await page.screenshot({ path, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path}: the page scrolls sideways by ${overflow}px`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('playing a 4096-slot map: the views stay virtualized; frames per second are printed', async () => {
    const { page, context, errors } = await open(session);
    await insertKeys(page, 3000);
    const state = await labState(page);
    assert.equal(state.classicB, '9', '512 buckets = 4096 slots');
    assert.equal(state.swissTables, '4', '4 tables of 1024 slots');
    const drawn = await page.evaluate(() => document.querySelectorAll('[data-classic-view] .map-lab__row').length + document.querySelectorAll('[data-swiss-view] .map-lab__row').length);
    assert.ok(drawn < 200, `only rows in view are drawn (${drawn})`);
    await page.selectOption('[data-speed]', '1000');
    await page.fill('[data-count]', '20000');
    await page.click('button[data-action="insert-many"]');
    const fps = await framesPerSecond(page, 2000);
    console.log(`map lab: ${fps.toFixed(1)} frames per second while playing at 1000 steps/s on a 4096-slot map`);
    assert.ok(Number((await labState(page)).applied) > 3001, 'playing applied more operations');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
