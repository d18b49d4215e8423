import { describe, expect, it } from 'vitest';
import { flagsFromString, flagsToString, parseGcLine, sameFlags, verdictOf } from '../../src/components/playground/gc-lines.ts';
import { badgesFromLines, staticAnswer } from '../../src/components/playground/static-annotations.ts';
import { findRecordedRun, sha256Hex } from '../../src/components/playground/recorded-run.ts';
import type { EscapeSnapshot } from '../../src/data/oracle/snapshots.ts';

describe('gc output lines', () => {
  it('parses positions, messages and -m=2 detail lines', () => {
    expect(parseGcLine('./main.go:7:2: moved to heap: p')).toEqual({ line: 7, column: 2, message: 'moved to heap: p', detail: false });
    expect(parseGcLine('./main.go:7:2:   flow: ~r0 = &p:')).toEqual({ line: 7, column: 2, message: 'flow: ~r0 = &p:', detail: true });
    expect(parseGcLine('# command-line-arguments')).toBeUndefined();
  });

  it('reads placements from headline messages only', () => {
    expect(verdictOf('moved to heap: p')).toEqual({ placement: 'heap', what: 'p' });
    expect(verdictOf('&point{...} escapes to heap')).toEqual({ placement: 'heap', what: '&point{...}' });
    expect(verdictOf('make([]int, 10) does not escape')).toEqual({ placement: 'stack', what: 'make([]int, 10)' });
    expect(verdictOf('can inline sum')).toBeUndefined();
    expect(verdictOf('leaking param: p')).toBeUndefined();
  });

  it('converts between flag strings and flags', () => {
    for (const text of ['-m', '-m -l', '-m=2', '-m=2 -l'] as const) expect(flagsToString(flagsFromString(text))).toBe(text);
    expect(sameFlags('-gcflags=-l -m', { m: 1, noInline: true })).toBe(true);
    expect(sameFlags('-m -m', { m: 2, noInline: false })).toBe(true);
    expect(sameFlags('-m', { m: 1, noInline: true })).toBe(false);
  });
});

describe('static annotations', () => {
  const code = 'package main\n';
  const snapshot: EscapeSnapshot = {
    schema: 1,
    goVersion: 'go1.26.8',
    source: 'test/fixtures/playground/x.go',
    sha256: sha256Hex(code),
    runs: [{ flags: '-m', exitCode: 0, lines: ['x.go:4:2: moved to heap: x', 'x.go:3:6: can inline f'] }],
  };

  it('finds a recorded run only when the text matches exactly', () => {
    expect(findRecordedRun(code, { m: 1, noInline: false }, undefined, [snapshot])?.goVersion).toBe('go1.26.8');
    expect(findRecordedRun(code + ' ', { m: 1, noInline: false }, snapshot.source, [snapshot])).toBeUndefined();
    expect(findRecordedRun(code, { m: 2, noInline: false }, undefined, [snapshot])).toBeUndefined();
  });

  it('prefers the recording to the simulator, and says when neither answers', () => {
    const recorded = findRecordedRun(code, { m: 1, noInline: false }, undefined, [snapshot]);
    const notModeled = { kind: 'notModeled' as const, goVersion: 'go1.26', diagnostics: [{ line: 2, column: 3, message: 'not modeled: channels' }] };
    const fromRecording = staticAnswer(recorded, notModeled, 'x.go');
    expect(fromRecording.kind).toBe('recorded');
    expect(badgesFromLines(snapshot.runs[0]!.lines)).toEqual([{ line: 4, column: 2, placement: 'heap', what: 'x', message: 'moved to heap: x' }]);
    expect(staticAnswer(undefined, notModeled, 'x.go')).toEqual({ kind: 'unavailable', goVersion: 'go1.26', lines: ['x.go:2:3: not modeled: channels'] });
  });
});
