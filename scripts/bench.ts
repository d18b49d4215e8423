/**
 * `npm run bench`: every benchmark, one after another, each printing its own figures.
 * The browser benchmark (playground) needs a built site and Chromium; it runs when both exist.
 * Figures depend on the machine's load: read them next to the load average each script prints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.DIST_DIR ?? `${root}dist`;
const benches = ['bench-frontend.ts', 'bench-escape.ts', 'bench-maps.ts'];
if (existsSync(`${dist}/index.html`) && existsSync('/usr/bin/chromium')) benches.push('bench-playground.ts');
else console.log('playground benchmark skipped: it needs `npm run build` and Chromium (apt-get install chromium)');

let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const result = spawnSync(process.execPath, [`scripts/${bench}`], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
