/** The link checker finds what is broken and accepts what is not (on a small built-site fixture). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findBrokenLinks } from './links.ts';

const site = mkdtempSync(join(tmpdir(), 'links-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function page(path: string, body: string): void {
  mkdirSync(join(site, path), { recursive: true });
  writeFileSync(join(site, path, 'index.html'), `<!doctype html><html><body>${body}</body></html>`);
}

page('', '<a href="/a/">a</a> <a href="/a/#part">part</a> <a href="https://go.dev/">go</a> <img src="/logo.svg">');
page('a', '<h2 id="part">Part</h2><a href="../b/">b</a><a href="/missing/">missing</a><a href="/a/#nowhere">bad</a><a href="mailto:x@y">mail</a>');
page('b', '<script>const s = "<a href=\\"/not-a-link/\\">";</script><a href="/a/?q=1">query</a>');
writeFileSync(join(site, 'logo.svg'), '<svg/>');

describe('link checker', () => {
  test('reports missing pages and missing fragments, and nothing else', () => {
    expect(findBrokenLinks(site)).toEqual([
      { page: '/a/', link: '/missing/', problem: 'no such page or file' },
      { page: '/a/', link: '/a/#nowhere', problem: 'no element with id "nowhere"' },
    ]);
  });
});
