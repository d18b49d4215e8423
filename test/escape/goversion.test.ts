/**
 * A file's `//go:build` line: the language version gc takes from it (the minimum the expression
 * implies, raised to go1.21) and whether the go command builds the file at all.
 */
import { describe, expect, it } from 'vitest';
import { fileBuildConstraint } from '../../src/sim/ir/goversion.ts';

const file = (header: string) => `${header}\n\npackage main\n\nfunc main() {}\n`;

describe('//go:build lines', () => {
  it('has no say without one, or after the package clause', () => {
    expect(fileBuildConstraint(file('// A comment.'), 26)).toBeUndefined();
    expect(fileBuildConstraint('package main\n\n//go:build go1.21\n', 26)).toBeUndefined();
  });

  it('sets the minimum version the expression implies, at least go1.21', () => {
    expect(fileBuildConstraint(file('//go:build go1.21'), 26)).toMatchObject({ languageMinor: 21, excluded: false });
    expect(fileBuildConstraint(file('//go:build go1.20'), 26)).toMatchObject({ languageMinor: 21, excluded: false });
    expect(fileBuildConstraint(file('//go:build go1.23 && linux'), 26)).toMatchObject({ languageMinor: 23, excluded: false });
    expect(fileBuildConstraint(file('//go:build go1.21 || go1.22'), 26)).toMatchObject({ languageMinor: 21, excluded: false });
    expect(fileBuildConstraint(file('// Doc.\n/* block */\n//go:build (go1.22 && amd64) || go1.24'), 26)).toMatchObject({ languageMinor: 22 });
  });

  it('sets no version for a negated or versionless expression', () => {
    expect(fileBuildConstraint(file('//go:build linux'), 26)).toEqual({ excluded: false, line: 1 });
    expect(fileBuildConstraint(file('//go:build !windows'), 26)?.languageMinor).toBeUndefined();
  });

  it('knows when the go command leaves the file out', () => {
    expect(fileBuildConstraint(file('//go:build ignore'), 26)?.excluded).toBe(true);
    expect(fileBuildConstraint(file('//go:build !go1.22'), 26)?.excluded).toBe(true);
    expect(fileBuildConstraint(file('//go:build go1.27'), 26)?.excluded).toBe(true);
    expect(fileBuildConstraint(file('//go:build goexperiment.greenteagc'), 26)?.excluded).toBe(false);
    expect(fileBuildConstraint(file('//go:build goexperiment.newinliner'), 26)?.excluded).toBe(true);
  });

  it('does not guess what depends on the environment or is malformed', () => {
    expect(fileBuildConstraint(file('//go:build cgo'), 26)?.notModeled).toContain('cgo');
    expect(fileBuildConstraint(file('//go:build goexperiment.greenteagc'), 25)?.notModeled).toContain('goexperiment');
    expect(fileBuildConstraint(file('//go:build go1.21 &&'), 26)?.notModeled).toContain('malformed');
    expect(fileBuildConstraint(file('//go:build linux\n//go:build amd64'), 26)?.notModeled).toContain('several');
  });
});
