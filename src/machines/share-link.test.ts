import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShareHash, encodeShareHash, SHARE_LIMIT } from './share-link.ts';

const program = 'package main\n\nfunc f() *int {\n\tx := 1\n\treturn &x\n}\n\nfunc main() { _ = f() }\n';

describe('share links', () => {
  it('round-trips code and flags through a versioned hash', async () => {
    const written = await encodeShareHash({ code: program, flags: { m: 2, noInline: true } });
    expect(written.kind).toBe('hash');
    if (written.kind !== 'hash') return;
    expect(written.hash).toMatch(/^#share=v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShareHash(written.hash)).toEqual({ kind: 'snippet', snippet: { code: program, flags: { m: 2, noInline: true } } });
  });

  it('round-trips any text, including non-ASCII and control characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.boolean(), async (code, noInline) => {
        const written = await encodeShareHash({ code, flags: { m: 1, noInline } });
        if (written.kind !== 'hash') throw new Error('short text refused');
        const read = await decodeShareHash(written.hash);
        expect(read).toEqual({ kind: 'snippet', snippet: { code, flags: { m: 1, noInline } } });
      }),
      { numRuns: 50 },
    );
  });

  it('treats a hash without a share parameter as nothing shared', async () => {
    expect(await decodeShareHash('')).toEqual({ kind: 'none' });
    expect(await decodeShareHash('#overview')).toEqual({ kind: 'none' });
  });

  it('reports damaged, foreign-version and non-snippet links as malformed', async () => {
    expect((await decodeShareHash('#share=v1.%%%')).kind).toBe('malformed');
    expect((await decodeShareHash('#share=v1.AAAAAAAA')).kind).toBe('malformed');
    expect(await decodeShareHash('#share=v9.abc')).toEqual({ kind: 'malformed', reason: 'the link has an unknown format version' });
    const written = await encodeShareHash({ code: 'x', flags: { m: 1, noInline: false } });
    if (written.kind !== 'hash') throw new Error('unexpected');
    expect((await decodeShareHash(written.hash.slice(0, -3))).kind).toBe('malformed');
  });

  it('refuses to make links over 16 KB', async () => {
    // Random text does not compress, so this is far over the limit once encoded.
    const noise = Array.from(crypto.getRandomValues(new Uint8Array(20_000)), (byte) => String.fromCharCode(33 + (byte % 90))).join('');
    const written = await encodeShareHash({ code: noise, flags: { m: 1, noInline: false } });
    expect(written.kind).toBe('tooLong');
    if (written.kind === 'tooLong') expect(written.length).toBeGreaterThan(SHARE_LIMIT);
  });
});
