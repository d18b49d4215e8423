/**
 * Shared set-up for the end-to-end tests: serves dist/ on a free localhost port and drives
 * Debian's Chromium through playwright-core. Where Chromium is missing the tests are skipped
 * with the install command, except under CI=true, where a missing browser is a failure.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../../scripts/serve.ts';

/** Where Debian installs Chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The launch flags this machine needs (no GPU, no network beyond localhost). */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The built site. */
export const distDir = process.env.DIST_DIR ? `${process.env.DIST_DIR.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * Why the suite cannot run here, or undefined when it can. Throws under CI=true, where a
 * missing browser or build must fail the run rather than be skipped.
 */
export function unavailableReason(): string | undefined {
  let reason: string | undefined;
  if (!existsSync(chromiumPath)) {
    reason = `Chromium not found at ${chromiumPath}; install it with: apt-get install chromium`;
  } else if (!existsSync(join(distDir, 'index.html'))) {
    reason = 'dist/ is missing; run `npm run build` first';
  }
  if (reason !== undefined && process.env.CI === 'true') throw new Error(reason);
  return reason;
}

/** A running site and browser for one test file. */
export interface Session {
  /** Base URL of the served site, ending in `/`. */
  baseUrl: string;
  browser: Browser;
  /** Stops the browser and the server. */
  close(): Promise<void>;
}

/** Serves dist/ and launches Chromium. */
export async function startSession(): Promise<Session> {
  const server: Server = await serveStatic(distDir, 0);
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** A page that records console errors and uncaught exceptions. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and page errors seen so far. */
  errors: string[];
}

/** Opens a fresh context and page that records errors. */
export async function openPage(
  session: Session,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<WatchedPage> {
  const context = await session.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/no/such/page/')) {
      errors.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return { page, context, errors };
}

/** Every HTML page of the built site, as a path like `/foundations/x/`. */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name === 'index.html') {
        const rel = relative(distDir, dir).split('\\').join('/');
        pages.push(rel === '' ? '/' : `/${rel}/`);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One accessibility problem axe found. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page; returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
