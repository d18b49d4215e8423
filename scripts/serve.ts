/**
 * Serves the built site in dist/ on localhost, the way a static host would:
 * `/x/` serves `x/index.html`, unknown paths get `404.html` with status 404, and text is sent
 * gzip-compressed to clients that accept it.
 * Usage: node scripts/serve.ts [--port N]   (PORT also works; default 4321)
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Types worth compressing: text, and Pagefind's uncompressed files are already gzip. */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.wasm']);

/** Whether the request accepts gzip (`Accept-Encoding: gzip`, not `gzip;q=0`). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return (coding === 'gzip' || coding === '*') && !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
  });
}

async function fileAt(root: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    try {
      if ((await stat(path)).isFile()) return path;
    } catch {
      // not there: try the next form
    }
  }
  return undefined;
}

/** Starts a static server for `root` and resolves once it listens. */
export async function serveStatic(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const absoluteRoot = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const path = await fileAt(absoluteRoot, request.url ?? '/');
      const status = path === undefined ? 404 : 200;
      const served = path ?? join(absoluteRoot, '404.html');
      const raw = await readFile(served);
      const gzip = compressible.has(extname(served)) && acceptsGzip(request.headers['accept-encoding']);
      const body = gzip ? gzipSync(raw) : raw;
      response.writeHead(status, {
        'content-type': contentTypes[extname(served)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'content-length': body.length,
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      console.error(`serve: ${request.method ?? 'GET'} ${request.url ?? '/'} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`server error: ${String(error)}`);
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  return server;
}

if (import.meta.main) {
  const portFlag = process.argv.indexOf('--port');
  const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 4321));
  const root = fileURLToPath(new URL('../dist/', import.meta.url));
  await serveStatic(root, port);
  console.log(`Stack or Heap? is served at http://localhost:${port}/  (Ctrl+C stops it)`);
}
