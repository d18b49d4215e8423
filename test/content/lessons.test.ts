/**
 * Every lesson of this part of the site has what a lesson needs (at least two playgrounds, a
 * quiz of at least four items whose answers agree with the compiler), and the run-time
 * figures its prose describes are what the oracle measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkQuiz, loadQuiz } from '../../src/components/lesson/quiz-check.ts';
import { filesUnder } from '../lessons/lesson-files.ts';
import { contentFolders, loadAllocs, measured, recorded, root } from './oracle-facts.ts';

const lessons = contentFolders
  .flatMap((folder) => filesUnder(folder, 'index.mdx'))
  .filter((page) => !page.startsWith('src/content/docs/reference/'))
  .map((page) => page.replace(/\/index\.mdx$/, ''));

const allocs = loadAllocs();

describe('lessons are complete', () => {
  test('there are lessons', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  test.each(lessons)('%s', (folder) => {
    const page = readFileSync(join(root, folder, 'index.mdx'), 'utf8');
    expect((page.match(/<Playground /g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(page).toMatch(/<CompilerSays /);
    const quizFile = `${folder}/quiz.json`;
    expect(existsSync(join(root, quizFile))).toBe(true);
    expect(page).toContain('<Quiz file={`${dir}/quiz.json`} />');
    expect(loadQuiz(quizFile).items.length).toBeGreaterThanOrEqual(4);
    expect(checkQuiz(quizFile)).toEqual([]);
  });
});

describe('lesson 11, slices: what the compiler says', () => {
  const dir = 'src/content/docs/foundations/11-slices';

  test('64 KiB stays in the frame, one byte more goes to the heap', () => {
    const run = recorded(`${dir}/constant-size.go`);
    expect(run.messagesAt(6)).toEqual(['make([]byte, 65536) does not escape']);
    expect(run.messagesAt(12)).toEqual(['make([]byte, 65537) escapes to heap']);
  });

  test('a variable-size make that does not escape is reported as not escaping', () => {
    expect(recorded(`${dir}/variable-size.go`).messagesAt(10)).toEqual(['make([]byte, n) does not escape']);
  });

  test('append is reported: not escaping in count, escaping in collect', () => {
    const run = recorded(`${dir}/appending.go`);
    expect(run.messagesAt(12)).toEqual(['append does not escape']);
    expect(run.messagesAt(21)).toEqual(['append escapes to heap']);
  });

  test('sumFirst keeps its array; firstHalf moves it', () => {
    const run = recorded(`${dir}/local-array.go`);
    for (let line = 4; line <= 13; line++) expect(run.messagesAt(line)).toEqual([]);
    expect(run.messagesAt(17)).toEqual(['moved to heap: buf']);
  });
});



describe.skipIf(allocs === undefined)('lesson 11, slices: what the runtime measured', () => {
  const dir = 'src/content/docs/foundations/11-slices';
  const figures = (file: string, name: string) => measured(allocs!, `${dir}/${file}`, name);

  test('at the limit nothing is allocated; one byte over costs one allocation rounded up to pages', () => {
    expect(figures('constant-size.go', 'atLimit').allocsPerOp).toBe(0);
    const over = figures('constant-size.go', 'overLimit');
    expect(over.allocsPerOp).toBe(1);
    expect(over.bytesPerOp % 8192).toBe(0);
    expect(over.bytesPerOp).toBeGreaterThan(65537);
  });

  test('16 bytes fit the buffer; 64 bytes cost one allocation', () => {
    expect(figures('variable-size.go', 'makeSmall').allocsPerOp).toBe(0);
    expect(figures('variable-size.go', 'makeLarge').allocsPerOp).toBe(1);
  });

  test('three appended ints cost nothing; a hundred cost heap allocations', () => {
    expect(figures('appending.go', 'collectFew').allocsPerOp).toBe(0);
    expect(figures('appending.go', 'collectMany').allocsPerOp).toBeGreaterThan(0);
  });
});

describe('lesson 17, maps and escape analysis: what the compiler says', () => {
  const dir = 'src/content/docs/maps/17-maps-and-escape-analysis';

  test('the local map does not escape', () => {
    expect(recorded(`${dir}/stack-map.go`).messagesAt(10)).toEqual(['make(map[string]bool) does not escape']);
  });

  test('a pointer stored in a local map moves its target; storing the value does not', () => {
    const pointers = recorded(`${dir}/pointer-values.go`);
    expect(pointers.messagesAt(10)).toEqual(['make(map[string]*User) does not escape']);
    expect(pointers.messagesAt(12)).toEqual(['moved to heap: u']);
    const values = recorded(`${dir}/pointer-values-fixed.go`);
    expect(values.messagesAt(10)).toEqual(['make(map[string]User) does not escape']);
    expect(values.messagesAt(12)).toEqual([]);
  });

  test('a map goes into an interface without a message; a slice escapes', () => {
    const run = recorded(`${dir}/map-in-interface.go`);
    expect(run.messagesAt(10)).toEqual([]);
    expect(run.messagesAt(13)).toEqual(['names escapes to heap']);
  });

  test('map elements are not addressable', () => {
    const run = recorded(`${dir}/not-addressable.go`);
    expect(run.exitCode).not.toBe(0);
    expect(run.messagesAt(13).join()).toContain('cannot take address of users["ann"]');
    expect(run.messagesAt(14)).toEqual(['cannot assign to struct field users["ann"].Age in map']);
    expect(run.messagesAt(15)).toEqual(['cannot call pointer method Birthday on User']);
  });

  test('read-modify-write keeps u on the stack; the pointer map puts each User on the heap', () => {
    const run = recorded(`${dir}/update-in-place.go`);
    expect(run.messagesAt(8)).toEqual(['u does not escape']);
    expect(run.messagesAt(12)).toEqual([]);
    expect(run.messagesAt(25)).toContain('&User{...} escapes to heap');
  });
});

describe.skipIf(allocs === undefined)('lesson 17, maps and escape analysis: what the runtime measured', () => {
  const dir = 'src/content/docs/maps/17-maps-and-escape-analysis';
  const figures = (file: string, name: string) => measured(allocs!, `${dir}/${file}`, name);

  test('eight entries fit the stack group; the ninth allocates', () => {
    expect(figures('stack-map.go', 'countEight').allocsPerOp).toBe(0);
    expect(figures('stack-map.go', 'countNine').allocsPerOp).toBeGreaterThan(0);
  });

  test('128-byte values are inline; 136-byte values cost one allocation per new key and none to overwrite', () => {
    expect(figures('value-size.go', 'insert128').allocsPerOp).toBe(0);
    expect(figures('value-size.go', 'insert136').allocsPerOp).toBe(8);
    expect(figures('value-size.go', 'update136').allocsPerOp).toBe(0);
  });

  test('a map in an interface costs nothing; a slice costs one allocation', () => {
    expect(figures('map-in-interface.go', 'mapToAny').allocsPerOp).toBe(0);
    expect(figures('map-in-interface.go', 'sliceToAny').allocsPerOp).toBe(1);
  });
});

describe('lesson 18, clearing and reusing maps: what the compiler says', () => {
  const dir = 'src/content/docs/maps/18-clearing-and-reusing-maps';

  test('only the new maps are reported, as escaping', () => {
    const run = recorded(`${dir}/ways-to-empty.go`);
    expect(run.messagesAt(29)).toEqual(['make(map[int]int) escapes to heap']);
    expect(run.messagesAt(35)).toEqual(['map[int]int{} escapes to heap']);
    for (let line = 17; line <= 26; line++) expect(run.messagesAt(line)).toEqual([]);
  });

  test('the fresh set stays on the stack; the counter and its map escape once', () => {
    const run = recorded(`${dir}/scratch-map.go`);
    expect(run.messagesAt(10)).toEqual(['make(map[string]bool) does not escape']);
    expect(run.messagesAt(23)).toEqual(['&counter{...} escapes to heap', 'make(map[string]bool) escapes to heap']);
  });

  test('reset by make allocates; reset by clear does not', () => {
    expect(recorded(`${dir}/reset.go`).messagesAt(9)).toEqual(['make(map[string]int) escapes to heap']);
    expect(recorded(`${dir}/reset-fixed.go`).messagesAt(9)).toEqual([]);
  });
});

describe.skipIf(allocs === undefined)('lesson 18, clearing and reusing maps: what the runtime measured', () => {
  const dir = 'src/content/docs/maps/18-clearing-and-reusing-maps';
  const figures = (file: string, name: string) => measured(allocs!, `${dir}/${file}`, name);

  test('keeping the map refills for free; replacing it allocates', () => {
    expect(figures('ways-to-empty.go', 'deleteEach').allocsPerOp).toBe(0);
    expect(figures('ways-to-empty.go', 'clearAll').allocsPerOp).toBe(0);
    expect(figures('ways-to-empty.go', 'makeNew').allocsPerOp).toBeGreaterThan(0);
    expect(figures('ways-to-empty.go', 'assignNil').allocsPerOp).toBeGreaterThan(0);
  });

  test('a fresh set of twelve allocates every call; the reused one never does', () => {
    expect(figures('scratch-map.go', 'freshEachCall').allocsPerOp).toBeGreaterThan(0);
    expect(figures('scratch-map.go', 'reusedAcrossCalls').allocsPerOp).toBe(0);
  });
});

describe('lesson 20, finding allocations: what the compiler says', () => {
  const dir = 'src/content/docs/measuring/20-finding-allocations';

  test('distance prints nothing: d stays in the frame', () => {
    const run = recorded(`${dir}/allocs-guard.go`);
    for (let line = 11; line <= 15; line++) expect(run.messagesAt(line)).toEqual([]);
  });

  test('every buffer made in work goes to the heap', () => {
    expect(recorded(`${dir}/heap-profile.go`).messagesAt(15)).toEqual(['make([]byte, 4096) escapes to heap']);
  });

  test('Sprintf boxes both integers; the Itoa concatenation does not escape; the struct key prints nothing', () => {
    const run = recorded(`${dir}/hot-spot.go`);
    expect(run.messagesAt(19)).toEqual(['... argument does not escape', 'user escapes to heap', 'item escapes to heap']);
    expect(run.messagesAt(24)).toEqual([]);
    expect(run.messagesAt(29)).toEqual(['strconv.Itoa(user) + "/" + strconv.Itoa(item) does not escape']);
  });
});

describe.skipIf(allocs === undefined)('lesson 20, finding allocations: what the runtime measured', () => {
  const dir = 'src/content/docs/measuring/20-finding-allocations';
  const figures = (file: string, name: string) => measured(allocs!, `${dir}/${file}`, name);

  test('the struct key allocates nothing; Itoa less than Sprintf', () => {
    const sprintf = figures('hot-spot.go', 'formattedKey').allocsPerOp;
    const itoa = figures('hot-spot.go', 'itoaKey').allocsPerOp;
    expect(figures('hot-spot.go', 'structKey').allocsPerOp).toBe(0);
    expect(itoa).toBeGreaterThan(0);
    expect(sprintf).toBeGreaterThan(itoa);
  });
});

describe('lesson 13, big values: what the compiler says', () => {
  const dir = 'src/content/docs/foundations/13-big-values';

  test('128 KiB declared stays; one byte more is moved to the heap', () => {
    const run = recorded(`${dir}/declared.go`);
    expect(run.messagesAt(6)).toEqual([]);
    expect(run.messagesAt(13)).toEqual(['moved to heap: buf']);
  });

  test('64 KiB from new stays; one byte more escapes, from new or a literal', () => {
    const run = recorded(`${dir}/implicit.go`);
    expect(run.messagesAt(10)).toEqual(['new(block) does not escape']);
    expect(run.messagesAt(15)).toEqual(['new(biggerBlock) escapes to heap']);
    expect(run.messagesAt(20)).toEqual(['&biggerBlock{...} escapes to heap']);
  });

  test('96 KiB: declared stays, new escapes', () => {
    const run = recorded(`${dir}/between.go`);
    expect(run.messagesAt(7)).toEqual([]);
    expect(run.messagesAt(13)).toEqual(['new(buffer) escapes to heap']);
  });
});

describe.skipIf(allocs === undefined)('lesson 13, big values: what the runtime measured', () => {
  const dir = 'src/content/docs/foundations/13-big-values';
  const figures = (file: string, name: string) => measured(allocs!, `${dir}/${file}`, name);

  test('over either limit costs one page-rounded allocation per call; at the limit nothing', () => {
    expect(figures('declared.go', 'declaredAtLimit').allocsPerOp).toBe(0);
    expect(figures('implicit.go', 'newAtLimit').allocsPerOp).toBe(0);
    for (const [file, name] of [['declared.go', 'declaredOverLimit'], ['implicit.go', 'newOverLimit'], ['implicit.go', 'literalOverLimit']] as const) {
      const over = figures(file, name);
      expect(over.allocsPerOp).toBe(1);
      expect(over.bytesPerOp % 8192).toBe(0);
    }
  });
});

describe('lesson 12, strings and byte slices: what the compiler says', () => {
  const dir = 'src/content/docs/foundations/12-strings-and-bytes';

  test('local conversions do not escape', () => {
    const run = recorded(`${dir}/conversions.go`);
    expect(run.messagesAt(13)).toEqual(['([]byte)(s) does not escape']);
    expect(run.messagesAt(22)).toEqual(['string(b) does not escape']);
  });

  test('the local concatenation does not escape; the returned one does', () => {
    const run = recorded(`${dir}/concat.go`);
    expect(run.messagesAt(10)).toEqual(['a + " " + b does not escape']);
    expect(run.messagesAt(16)).toEqual(['a + " " + b escapes to heap']);
  });

  test('read-only conversions are zero-copy', () => {
    const run = recorded(`${dir}/free-conversions.go`);
    expect(run.messagesAt(16)).toContain('zero-copy string->[]byte conversion');
    expect(run.messagesAt(26)).toContain('zero-copy string->[]byte conversion');
  });

  test('returning the converted bytes escapes; appending to a caller buffer does not convert', () => {
    expect(recorded(`${dir}/upper.go`).messagesAt(5)).toEqual(['([]byte)(s) escapes to heap']);
    expect(recorded(`${dir}/upper-fixed.go`).ownLines.join('\n')).not.toContain('([]byte)(s)');
  });
});

describe.skipIf(allocs === undefined)('lesson 12, strings and byte slices: what the runtime measured', () => {
  const dir = 'src/content/docs/foundations/12-strings-and-bytes';
  const figures = (file: string, name: string) => measured(allocs!, `${dir}/${file}`, name);

  test('short conversions fit the buffer; long ones allocate once', () => {
    expect(figures('conversions.go', 'shortToBytes').allocsPerOp).toBe(0);
    expect(figures('conversions.go', 'shortToString').allocsPerOp).toBe(0);
    expect(figures('conversions.go', 'longToBytes').allocsPerOp).toBe(1);
    expect(figures('conversions.go', 'longToString').allocsPerOp).toBe(1);
  });

  test('short local concatenation is free; long or returned costs one allocation', () => {
    expect(figures('concat.go', 'joinShort').allocsPerOp).toBe(0);
    expect(figures('concat.go', 'joinLong').allocsPerOp).toBe(1);
    expect(figures('concat.go', 'joinKept').allocsPerOp).toBe(1);
  });

  test('the four free conversions allocate nothing', () => {
    for (const name of ['lookupByBytes', 'compareBytes', 'rangeOverBytes', 'readOnlyBytes']) {
      expect(figures('free-conversions.go', name).allocsPerOp).toBe(0);
    }
  });
});

describe('lesson 14, unsafe and uintptr: what the compiler says', () => {
  const dir = 'src/content/docs/foundations/14-unsafe';

  test('unsafe.Pointer moves x; uintptr leaves y on the stack', () => {
    const run = recorded(`${dir}/hidden-pointer.go`);
    expect(run.messagesAt(10)).toEqual(['moved to heap: x']);
    expect(run.messagesAt(16)).toEqual([]);
  });

  test('string(b) escapes; unsafe.String makes b leak instead', () => {
    const run = recorded(`${dir}/bytes-to-string.go`);
    expect(run.messagesAt(12)).toEqual(['b does not escape']);
    expect(run.messagesAt(13)).toEqual(['string(b) escapes to heap']);
    expect(run.messagesAt(19)).toEqual(['leaking param: b']);
    expect(run.messagesAt(20)).toEqual([]);
  });

  test('sharing the key moves the allocation to the caller', () => {
    expect(recorded(`${dir}/key-copy.go`).messagesAt(11)).toContain('([]byte)("stack") does not escape');
    const shared = recorded(`${dir}/key-shared.go`);
    expect(shared.messagesAt(8)).toEqual(['leaking param: b']);
    expect(shared.messagesAt(13)).toEqual(['([]byte)("stack") escapes to heap']);
  });
});

describe.skipIf(allocs === undefined)('lesson 14, unsafe and uintptr: what the runtime measured', () => {
  const dir = 'src/content/docs/foundations/14-unsafe';

  test('the copied key allocates on every call; the shared one does not', () => {
    expect(measured(allocs!, `${dir}/bytes-to-string.go`, 'copyString').allocsPerOp).toBe(1);
    expect(measured(allocs!, `${dir}/bytes-to-string.go`, 'shareString').allocsPerOp).toBe(0);
  });
});

describe('lesson 19, sync.Map or a mutex: what the compiler says', () => {
  const dir = 'src/content/docs/maps/19-sync-map-or-mutex';

  test('Load keeps its key in the frame; Store boxes it on the heap; the mutex map key leaks', () => {
    const run = recorded(`${dir}/two-caches.go`);
    expect(run.messagesAt(12)).toContain('key does not escape');
    expect(run.messagesAt(18)).toContain('leaking param: key');
    expect(run.messagesAt(32)).toEqual(['key does not escape']);
    expect(run.messagesAt(34)).toContain('key escapes to heap');
  });

  test('the type assertion prints nothing; the local sync.Map is moved to the heap', () => {
    const run = recorded(`${dir}/typed-wrapper.go`);
    expect(run.messagesAt(18)).toEqual([]);
    expect(run.messagesAt(12)).toContain('leaking param: c');
    expect(run.messagesAt(16)).toContain('leaking param: c');
    expect(run.messagesAt(23)).toEqual(['moved to heap: cache']);
  });
});

describe.skipIf(allocs === undefined)('lesson 19, sync.Map or a mutex: what the runtime measured', () => {
  const dir = 'src/content/docs/maps/19-sync-map-or-mutex';
  const figures = (name: string) => measured(allocs!, `${dir}/two-caches.go`, name);

  test('loads are free; only the sync.Map store allocates', () => {
    expect(figures('mutexLoad').allocsPerOp).toBe(0);
    expect(figures('mutexStore').allocsPerOp).toBe(0);
    expect(figures('syncLoad').allocsPerOp).toBe(0);
    expect(figures('syncStore').allocsPerOp).toBeGreaterThan(0);
  });
});

describe('lessons 15 and 16, map internals: what the compiler says', () => {
  test('local maps stay in the frame, hinted or not; escaping ones and returned literals do not', () => {
    const header = recorded('src/content/docs/maps/15-classic-maps/where-the-header-lives.go');
    expect(header.messagesAt(10)).toEqual(['make(map[int64]int64) does not escape']);
    expect(header.messagesAt(21)).toEqual(['make(map[int64]int64, 100) does not escape']);
    expect(header.messagesAt(28)).toEqual(['make(map[int64]int64) escapes to heap']);
    const literals = recorded('src/content/docs/maps/15-classic-maps/literal-and-global.go');
    expect(literals.messagesAt(8)).toEqual(['map[string]bool{...} does not escape']);
    expect(literals.messagesAt(14)).toEqual(['map[string]int{...} escapes to heap']);
  });

  test('a map sized with len() stays local unless returned', () => {
    const run = recorded('src/content/docs/maps/16-swiss-tables/index-by-name.go');
    expect(run.messagesAt(11)).toEqual(['make(map[string]struct {}, len(names)) does not escape']);
    expect(run.messagesAt(23)).toEqual(['make(map[string]int, len(names)) escapes to heap']);
  });
});

describe.skipIf(allocs === undefined)('lessons 15 and 16, map internals: what the runtime measured', () => {
  const figures = (file: string, name: string) => measured(allocs!, `src/content/docs/maps/${file}`, name);

  test('eight local entries cost nothing; a large hint allocates; an empty escaping map is one header', () => {
    expect(figures('15-classic-maps/where-the-header-lives.go', 'smallLocal').allocsPerOp).toBe(0);
    expect(figures('15-classic-maps/where-the-header-lives.go', 'hintedLocal').allocsPerOp).toBeGreaterThan(0);
    expect(figures('15-classic-maps/where-the-header-lives.go', 'escapingEmpty').allocsPerOp).toBe(1);
    expect(figures('15-classic-maps/where-the-header-lives.go', 'escapingOne').allocsPerOp).toBe(2);
  });

  test('hints up to 8 allocate only the header; larger hints build tables', () => {
    expect(figures('16-swiss-tables/hint-sizes.go', 'hint0').allocsPerOp).toBe(1);
    expect(figures('16-swiss-tables/hint-sizes.go', 'hint8').allocsPerOp).toBe(1);
    expect(figures('16-swiss-tables/hint-sizes.go', 'hint9').allocsPerOp).toBeGreaterThan(1);
    expect(figures('16-swiss-tables/index-by-name.go', 'indexFew').allocsPerOp).toBe(0);
    expect(figures('16-swiss-tables/index-by-name.go', 'indexMany').allocsPerOp).toBeGreaterThan(0);
  });
});

describe('every snippet is used', () => {
  test.each(lessons)('%s shows or asks about each of its Go files', (folder) => {
    const page = readFileSync(join(root, folder, 'index.mdx'), 'utf8');
    const quiz = readFileSync(join(root, folder, 'quiz.json'), 'utf8');
    for (const source of filesUnder(folder, '.go')) {
      const name = source.split('/').pop()!;
      expect(page.includes(name) || quiz.includes(name), `${name} is neither on the page nor in the quiz`).toBe(true);
    }
  });
});
