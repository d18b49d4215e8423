import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serveStatic } from '../../scripts/serve.ts';

describe('serveStatic', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'soh-serve-'));
    mkdirSync(join(root, 'lesson'));
    writeFileSync(join(root, 'index.html'), '<title>home</title>');
    writeFileSync(join(root, 'lesson', 'index.html'), '<title>lesson</title>');
    writeFileSync(join(root, '404.html'), '<title>404</title>');
    writeFileSync(join(root, 'app.wasm'), 'wasm');
    writeFileSync(join(tmpdir(), 'soh-secret.txt'), 'secret');
    server = await serveStatic(root, 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test('serves folder index pages', async () => {
    const response = await fetch(`${base}/lesson/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('lesson');
  });

  test('answers unknown paths with the 404 page and status 404', async () => {
    const response = await fetch(`${base}/nowhere/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('404');
  });

  test('serves wasm with its media type (needed for streaming compilation)', async () => {
    const response = await fetch(`${base}/app.wasm`);
    expect(response.headers.get('content-type')).toBe('application/wasm');
  });

  test('never serves files outside the root', async () => {
    const response = await fetch(`${base}/..%2Fsoh-secret.txt`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  test('gzips text for clients that accept it, and only for them', async () => {
    const raw = (headers: Record<string, string>) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((done, fail) => {
        get(`${base}/lesson/`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', fail);
      });
    const gzipped = await raw({ 'accept-encoding': 'gzip, deflate' });
    expect(gzipped.encoding).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe('<title>lesson</title>');
    const plain = await raw({ 'accept-encoding': 'gzip;q=0, identity' });
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe('<title>lesson</title>');
  });
});
