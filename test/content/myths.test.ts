/**
 * The "Myths vs facts" page covers every claim of the seed posts with the verdict the
 * claims table gives, and every piece of evidence it describes is what the real toolchain
 * recorded for its snippet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadAllocs, measured, recorded, root } from './oracle-facts.ts';
import { factValue, loadFacts, recordsOf } from '../../src/data/oracle/facts.ts';

const folder = 'src/content/docs/reference/01-myths';
const page = readFileSync(join(root, folder, 'index.mdx'), 'utf8');
const snippet = (name: string) => `${folder}/${name}`;

/** One row of the claims table: its number, verdict and the lesson that must address it. */
interface ClaimRow {
  /** The row number. */
  number: number;
  /** FALSE, MISLEADING, PARTLY TRUE, TRUE, or "—" for a row that is not a claim. */
  verdict: string;
  /** The lesson topic from the table's last column. */
  lesson: string;
}

/** Parses the claims table (`| # | seed | claim | verdict | evidence | lesson |`). */
function parseClaims(markdown: string): ClaimRow[] {
  return markdown
    .split('\n')
    .filter((line) => /^\|\s*\d+\s*\|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return { number: Number(cells[1]), verdict: cells[4]!, lesson: cells[6]! };
    });
}

const claims = parseClaims(readFileSync(join(root, 'test/content/fixtures/seed-claims.md'), 'utf8'));

describe('the page covers every claim', () => {
  test('the claims table parses', () => {
    expect(claims.map((claim) => claim.number)).toEqual(Array.from({ length: claims.length }, (_, index) => index + 1));
    expect(claims.length).toBeGreaterThanOrEqual(32);
  });

  test.each(claims)('claim $number has a section and the table verdict', ({ number, verdict }) => {
    expect(page).toContain(`<span id="claim-${number}"></span>`);
    expect(page).toMatch(new RegExp(`^### Claim ${number}: `, 'm'));
    const summary = page.split('\n').find((line) => line.startsWith(`| [${number}](#claim-${number}) |`));
    expect(summary, `summary row of claim ${number}`).toBeDefined();
    const shown = summary!.split('|').map((cell) => cell.trim())[3];
    expect(shown).toBe(verdict === '—' ? 'not a claim' : verdict);
    if (verdict !== '—') {
      const section = page.slice(page.indexOf(`<span id="claim-${number}"></span>`)).split('<span id="claim-')[1]!;
      expect(section).toContain(`**${verdict}`);
    }
  });

  test('every snippet beside the page is shown on it, with a fresh snapshot', () => {
    const shown = new Set([...page.matchAll(/\$\{dir\}\/([\w.-]+\.go)/g)].map((match) => match[1]!));
    const files = readdirSync(join(root, folder)).filter((name) => name.endsWith('.go'));
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const name of files) {
      expect(shown, `${name} is not shown on the page`).toContain(name);
      expect(() => recorded(snippet(name))).not.toThrow();
    }
  });
});

/** The lessons of this part of the site, by the topic names the claims table uses. */
const lessonFolders: Record<string, string> = {
  slices: 'src/content/docs/foundations/11-slices',
  unsafe: 'src/content/docs/foundations/14-unsafe',
  'map anatomy': 'src/content/docs/maps/15-classic-maps',
  'maps & escape': 'src/content/docs/maps/17-maps-and-escape-analysis',
  'clearing maps': 'src/content/docs/maps/18-clearing-and-reusing-maps',
  measuring: 'src/content/docs/measuring/20-finding-allocations',
};

describe('each lesson answers the claims assigned to it, in a callout', () => {
  const assigned = claims.filter((claim) => lessonFolders[claim.lesson] !== undefined);

  test('some claims are assigned to these lessons', () => {
    expect(assigned.length).toBeGreaterThanOrEqual(20);
  });

  test.each(assigned)('claim $number ($lesson)', ({ number, lesson }) => {
    const lessonPage = readFileSync(join(root, lessonFolders[lesson]!, 'index.mdx'), 'utf8');
    const callouts = [...lessonPage.matchAll(/<Aside [^>]*>([\s\S]*?)<\/Aside>/g)].map((match) => match[1]!);
    const linked = callouts.some((callout) => new RegExp(`/reference/myths/#claim-${number}\\)`).test(callout));
    const grouped = callouts.some((callout) => {
      const range = /claims (\d+) (?:to|and) (\d+)/.exec(callout);
      return range !== null && Number(range[1]) <= number && number <= Number(range[2]);
    });
    expect(linked || grouped, `claim ${number} has no callout in ${lessonFolders[lesson]}`).toBe(true);
  });
});

describe('the compiler evidence is what the page says', () => {
  test('claims 1 and 2: map elements are not addressable (compile errors)', () => {
    const run = recorded(snippet('map-element-not-addressable.go'));
    expect(run.exitCode).not.toBe(0);
    expect(run.messagesAt(13)).toEqual(['cannot assign to struct field users["alice"].Age in map']);
    expect(run.messagesAt(14)).toEqual(['cannot call pointer method Birthday on User']);
  });

  test('claim 3: all four array-valued maps stay on the stack', () => {
    const run = recorded(snippet('map-array-values.go'));
    const makes = run.ownLines.filter((line) => line.includes('make(map[int]['));
    expect(makes).toHaveLength(4);
    for (const line of makes) expect(line).toMatch(/does not escape$/);
  });

  test('claim 5: the inner, shadowing total is moved to the heap', () => {
    expect(recorded(snippet('shadowed-variable.go')).messagesAt(8)).toContain('moved to heap: total');
  });

  test('claim 6: the inlined copy stays on the stack while the function itself allocates', () => {
    const run = recorded(snippet('after-inlining.go'), '-m');
    expect(run.messagesAt(6)).toContain('&point{...} escapes to heap');
    expect(run.messagesAt(10)).toContain('&point{...} does not escape');
    expect(run.messagesAt(10)).toContain('inlining call to newPoint');
  });

  test('claim 7: the map stays on the stack, the local stored in it does not', () => {
    const run = recorded(snippet('pointer-in-local-map.go'));
    expect(run.messagesAt(6)).toEqual(['make(map[string]*User) does not escape']);
    expect(run.messagesAt(7)).toEqual(['moved to heap: u']);
  });

  test('claim 8: storing through the pointer moves nothing in main', () => {
    const run = recorded(snippet('store-through-pointer.go'));
    expect(run.messagesAt(8)).toContain('u does not escape');
    for (let line = 12; line <= 17; line++) expect(run.messagesAt(line)).toEqual([]);
  });

  test('claim 9: the User escapes at Store; the type assertion reports nothing', () => {
    const run = recorded(snippet('sync-map-store.go'));
    expect(run.messagesAt(10)).toEqual(['&User{...} escapes to heap']);
    expect(run.messagesAt(17)).toEqual([]);
  });

  test('claim 10: the slice, the pointer into it and append all stay on the stack', () => {
    const run = recorded(snippet('append-growth.go'));
    expect(run.messagesAt(4)).toEqual(['make([]int, 0, 4) does not escape']);
    expect(run.messagesAt(7)).toEqual(['append does not escape']);
    expect(run.ownLines.filter((line) => /heap/.test(line))).toEqual([]);
  });

  test('claim 11: name is moved to the heap', () => {
    expect(recorded(snippet('address-of-parameter.go')).messagesAt(5)).toEqual(['moved to heap: name']);
  });

  test('claim 18: constants are reported as escaping; the local conversion does not escape', () => {
    const run = recorded(snippet('interface-boxing.go'));
    expect(run.messagesAt(6)).toEqual(['42 escapes to heap']);
    expect(run.messagesAt(8)).toEqual(['"a constant string" escapes to heap']);
    expect(run.messagesAt(12)).toEqual(['n escapes to heap']);
    expect(run.messagesAt(15)).toEqual(['n does not escape']);
  });

  test('claims 20 and 22: returning &n compiles and moves n to the heap', () => {
    const run = recorded(snippet('pointer-to-local.go'));
    expect(run.exitCode).toBe(0);
    expect(run.messagesAt(4)).toEqual(['moved to heap: n']);
  });

  test('claim 21: the constant-size make stays on the stack', () => {
    expect(recorded(snippet('constant-make.go')).messagesAt(5)).toEqual(['make([]int, 1024) does not escape']);
  });

  test('claim 26: //go:nowritebarrier is a compile error outside the runtime', () => {
    const run = recorded(snippet('nowritebarrier.go'));
    expect(run.exitCode).not.toBe(0);
    expect(run.ownLines.join('\n')).toContain('//go:nowritebarrier only allowed in runtime');
  });

  test('claim 27: runtime.IsPointerAccessible does not exist', () => {
    const run = recorded(snippet('no-pointer-accessible.go'));
    expect(run.exitCode).not.toBe(0);
    expect(run.messagesAt(8)).toEqual(['undefined: runtime.IsPointerAccessible']);
  });

  test('claims 28 and 29: storing a map in an interface prints nothing', () => {
    expect(recorded(snippet('map-to-interface.go')).messagesAt(14)).toEqual([]);
  });

  test('claim 30: add keeps nothing of its map parameter', () => {
    expect(recorded(snippet('map-parameter.go')).messagesAt(3)).toContain('m does not escape');
  });

  test('claim 31: the map goes into fmt as is; only the ... argument slice is reported', () => {
    const run = recorded(snippet('print-map.go'));
    expect(run.messagesAt(20)).toEqual(['... argument does not escape']);
    expect(run.messagesAt(22)).toEqual(['... argument does not escape']);
  });
});

const allocs = loadAllocs();

describe.skipIf(allocs === undefined)('the measured evidence is what the page says', () => {
  const figures = (file: string, name: string) => measured(allocs!, snippet(file), name);

  test('claims 3, 23, 24, 25: up to 128 bytes nothing is allocated; 129 bytes cost one allocation per key', () => {
    for (const name of ['fill4', 'fill33', 'fill128']) expect(figures('map-array-values.go', name).allocsPerOp).toBe(0);
    expect(figures('map-array-values.go', 'fill129').allocsPerOp).toBe(8);
  });

  test('claims 12 and 13: a new map allocates; clear and the delete loop do not', () => {
    expect(figures('remake-or-clear.go', 'remakeAndFill').allocsPerOp).toBeGreaterThan(0);
    expect(figures('remake-or-clear.go', 'clearAndFill').allocsPerOp).toBe(0);
    expect(figures('remake-or-clear.go', 'deleteAllAndFill').allocsPerOp).toBe(0);
  });

  test('claim 14: refilling an emptied map allocates nothing', () => {
    expect(figures('never-shrinks.go', 'emptyAndRefill').allocsPerOp).toBe(0);
  });

  test('claim 15: an empty escaping map is one header allocation; the first insert adds one', () => {
    expect(figures('small-map-creation.go', 'makeEmpty').allocsPerOp).toBe(1);
    expect(figures('small-map-creation.go', 'makeAndInsertOne').allocsPerOp).toBe(2);
  });

  test('claim 18: only the non-constant 1000 allocates', () => {
    expect(figures('interface-boxing.go', 'boxSmallInt').allocsPerOp).toBe(0);
    expect(figures('interface-boxing.go', 'boxConstant').allocsPerOp).toBe(0);
    expect(figures('interface-boxing.go', 'boxLargeInt').allocsPerOp).toBe(1);
    expect(figures('interface-boxing.go', 'boxLocalOnly').allocsPerOp).toBe(0);
  });

  test('claim 21: make([]int, 1024) allocates nothing', () => {
    expect(figures('constant-make.go', 'makeConstant').allocsPerOp).toBe(0);
  });

  test('claim 28: storing a 100,000-entry map in an interface allocates nothing', () => {
    expect(figures('map-to-interface.go', 'passMap').allocsPerOp).toBe(0);
  });

  test('claim 31: printing and marshalling allocate more for more entries', () => {
    const small = figures('print-map.go', 'printSmall');
    expect(figures('print-map.go', 'printLarge').allocsPerOp).toBeGreaterThan(small.allocsPerOp * 10);
    expect(figures('print-map.go', 'marshalLarge').allocsPerOp).toBeGreaterThan(small.allocsPerOp * 10);
  });
});

/** The text of claim `number`'s section, up to the next claim. */
function sectionOf(number: number): string {
  return page.slice(page.indexOf(`<span id="claim-${number}"></span>`)).split('<span id="claim-')[1]!;
}

describe('the runtime facts are what the page says', () => {
  const facts = loadFacts(root);
  /** Fact `name` of `program` as each toolchain recorded it, by Go version. */
  const observed = (program: string, name: string) =>
    Object.fromEntries(recordsOf(facts, program).map((record) => [record.goVersion.replace(/^(go1\.\d+).*$/, '$1'), factValue(record, name)]));

  test('each probe program is shown under the claims it checks', () => {
    for (const record of facts.records) {
      for (const claim of record.claims) expect(sectionOf(claim)).toContain(`<RuntimeFacts program="${record.program}" />`);
    }
  });

  test('claim 4: on a classic map, reads move no old bucket; an assignment moves two, a delete of a missing key one', () => {
    expect(observed('evacuation', 'oldBuckets')).toEqual({ 'go1.19': 8 });
    expect(observed('evacuation', 'newBuckets')).toEqual({ 'go1.19': 16 });
    expect(observed('evacuation', 'movedByReads')).toEqual({ 'go1.19': 0 });
    expect(observed('evacuation', 'growingAfterReads')).toEqual({ 'go1.19': true });
    expect(observed('evacuation', 'movedByAssign')).toEqual({ 'go1.19': 2 });
    expect(observed('evacuation', 'movedByDeleteOfMissingKey')).toEqual({ 'go1.19': 1 });
    expect(sectionOf(4)).toMatch(/grows a live Go 1\.19 map from 8 to 16 buckets/);
  });

  test('claim 16: unlocked concurrent deletes are a fatal error on both map implementations; locked ones finish', () => {
    const both = (value: unknown) => ({ 'go1.26': value, 'go1.19': value });
    expect(observed('concurrentdelete', 'unlockedFirstLine')).toEqual(both('fatal error: concurrent map writes'));
    expect(observed('concurrentdelete', 'unlockedExitStatus')).toEqual(both(2));
    expect(observed('concurrentdelete', 'unlockedFinishedNormally')).toEqual(both(false));
    expect(observed('concurrentdelete', 'lockedEntriesLeft')).toEqual(both(1));
    expect(sectionOf(16)).toContain('`concurrent map writes`');
  });

  test('claim 17: deleted and cleared values are collected; stored ones are not', () => {
    const both = (value: unknown) => ({ 'go1.26': value, 'go1.19': value });
    expect(observed('releaseafterdelete', 'collectedWhileStored')).toEqual(both(0));
    expect(observed('releaseafterdelete', 'collectedAfterDelete')).toEqual(both(true));
    expect(observed('releaseafterdelete', 'keptStillStored')).toEqual(both(true));
    expect(observed('releaseafterdelete', 'collectedAfterDeleteLoop')).toEqual(both(100));
    const [current, classic] = recordsOf(facts, 'releaseafterdelete');
    expect(factValue(current!, 'collectedAfterClear')).toBe(100);
    // Go 1.19 has no clear builtin: only the range-delete loop is measured there.
    expect(classic!.facts.map((fact) => fact.name)).not.toContain('collectedAfterClear');
    expect(sectionOf(17)).toMatch(/all 100 objects are\s+collected/);
  });

  test('claim 19: a pending finalizer does not run at exit; a finalizer on the wrapper costs one more collection', () => {
    const both = (value: unknown) => ({ 'go1.26': value, 'go1.19': value });
    expect(observed('finalizers', 'finalizerRanBeforeExit')).toEqual(both(false));
    expect(observed('finalizers', 'collectionsWithoutFinalizer')).toEqual(both(1));
    expect(observed('finalizers', 'collectionsWithFinalizer')).toEqual(both(2));
    expect(sectionOf(19)).toMatch(/one collection without a finalizer on the\s+wrapper, two with one/);
  });
});
