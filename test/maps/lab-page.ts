/**
 * Drives the map lab in a browser page (Playwright): shared by the end-to-end tests and the
 * stepping benchmark.
 */
import type { Page } from 'playwright-core';

/** The lab's state as the element publishes it on its data attributes. */
export async function labState(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ ...(document.querySelector('map-lab') as HTMLElement).dataset }) as Record<string, string>);
}

/** Inserts `count` new keys and applies them all at once. */
export async function insertKeys(page: Page, count: number): Promise<void> {
  await page.fill('[data-count]', String(count));
  await page.click('button[data-action="insert-many"]');
  await page.click('button[data-action="finish"]');
}

/** Frames per second the page paints, counted with requestAnimationFrame over `milliseconds`. */
export async function framesPerSecond(page: Page, milliseconds: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const count = (now: number) => {
          frames++;
          if (now - start < duration) requestAnimationFrame(count);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(count);
      }),
    milliseconds,
  );
}

/** Steps through the rest of the current operation; returns the captions shown at each step. */
export async function stepThroughOperation(page: Page): Promise<{ classic: string; swiss: string }[]> {
  const captions: { classic: string; swiss: string }[] = [];
  for (let guard = 0; guard < 200; guard++) {
    captions.push({ classic: await page.locator('[data-caption-classic]').innerText(), swiss: await page.locator('[data-caption-swiss]').innerText() });
    const done = await page.evaluate(() => {
      const match = /Step (\d+) of (\d+)/.exec(document.querySelector('[data-progress]')?.textContent ?? '');
      return match === null || match[1] === match[2];
    });
    if (done) break;
    await page.click('button[data-action="step"]');
  }
  return captions;
}
