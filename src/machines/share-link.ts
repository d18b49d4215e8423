/**
 * Share links: the code and flags in the URL hash, as `#share=v1.<payload>` where the payload
 * is the JSON `{code, flags}` compressed with deflate-raw and written in base64url. The version
 * prefix lets a later format coexist; links longer than {@link SHARE_LIMIT} are refused.
 */
import type { AnalysisFlags } from '../sim/api.ts';
import { isAnalysisFlags } from './editor-storage.ts';

/** The longest hash a share link may have, in characters. */
export const SHARE_LIMIT = 16 * 1024;

/** The hash parameter that carries a shared snippet. */
const parameter = 'share=';

/** The current format's prefix. */
const versionPrefix = 'v1.';

/** What a share link carries. */
export interface SharedSnippet {
  /** The Go source. */
  code: string;
  /** The compiler flags. */
  flags: AnalysisFlags;
}

/** The outcome of reading a hash: nothing shared, a snippet, or a link that could not be read. */
export type ShareReadResult = { kind: 'none' } | { kind: 'snippet'; snippet: SharedSnippet } | { kind: 'malformed'; reason: string };

/** The outcome of making a link. */
export type ShareWriteResult = { kind: 'hash'; hash: string } | { kind: 'tooLong'; length: number };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link contains characters that are not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** Encodes a snippet as a URL hash (with the leading `#`), or says it is too long to share. */
export async function encodeShareHash(snippet: SharedSnippet): Promise<ShareWriteResult> {
  const json = JSON.stringify({ code: snippet.code, flags: snippet.flags });
  const compressed = await transform(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  const hash = `#${parameter}${versionPrefix}${toBase64Url(compressed)}`;
  return hash.length > SHARE_LIMIT ? { kind: 'tooLong', length: hash.length } : { kind: 'hash', hash };
}

/** Reads a URL hash (with or without `#`); never throws. */
export async function decodeShareHash(hash: string): Promise<ShareReadResult> {
  const text = hash.replace(/^#/, '');
  if (!text.startsWith(parameter)) return { kind: 'none' };
  const value = text.slice(parameter.length);
  if (value.length > SHARE_LIMIT) return { kind: 'malformed', reason: 'the link is longer than 16 KB' };
  if (!value.startsWith(versionPrefix)) return { kind: 'malformed', reason: 'the link has an unknown format version' };
  try {
    const bytes = fromBase64Url(value.slice(versionPrefix.length));
    const inflated = await transform(bytes, new DecompressionStream('deflate-raw'));
    const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated)) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return { kind: 'malformed', reason: 'the link does not hold a snippet' };
    const snippet = parsed as Record<string, unknown>;
    if (typeof snippet.code !== 'string' || !isAnalysisFlags(snippet.flags)) {
      return { kind: 'malformed', reason: 'the link does not hold a snippet' };
    }
    return { kind: 'snippet', snippet: { code: snippet.code, flags: { m: snippet.flags.m, noInline: snippet.flags.noInline } } };
  } catch (error) {
    return { kind: 'malformed', reason: error instanceof Error && /base64url/.test(error.message) ? error.message : 'the link is damaged' };
  }
}
