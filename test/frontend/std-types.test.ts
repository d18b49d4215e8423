/**
 * The checker and std types recorded in part by stdlib.json: std interfaces (`io.Writer`) are
 * ordinary interfaces, opaque std structs (`sync.Pool`) expose their exported fields, and what the
 * snapshot does not record is "not modeled", never an error gc would not print. The expected
 * messages are what go1.26's `go build` printed for the same sources.
 */
import { describe, expect, it } from 'vitest';
import type { StdlibSnapshot } from '../../src/data/oracle/snapshots.ts';
import { analyze } from '../../src/sim/analyze.ts';
import { loadStdlib } from '../../src/sim/stdlib/stdlib.ts';
import { modelledStdlib } from '../../src/sim/stdlib/modelled.ts';
import { loadGoParserForNode } from '../../src/sim/syntax/node-wasm.ts';
import { parse } from '../../src/sim/syntax/parse.ts';
import { check } from '../../src/sim/types/index.ts';
import { methodsOf, underlying } from '../../src/sim/types/predicates.ts';
import { typeString } from '../../src/sim/types/typestring.ts';
import type { Named } from '../../src/sim/types/types.ts';

const goParser = await loadGoParserForNode();

/** The checker's diagnostics for `source`, as `line:column: message` (every line of a message). */
function diagnosticsOf(source: string, stdlib = modelledStdlib()): string[] {
  const parsed = parse(goParser, source);
  expect(parsed.diagnostics).toEqual([]);
  return check(parsed.file, { stdlib }).diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
}

function stdNamed(qualified: string, library = modelledStdlib()): Named {
  const dot = qualified.lastIndexOf('.');
  const type = library.packages.get(qualified.slice(0, dot))?.members.get(qualified.slice(dot + 1))?.type;
  if (type?.kind !== 'Named') throw new Error(`no ${qualified}`);
  return type;
}

describe('std interfaces', () => {
  it('io.Writer has its recorded method set', () => {
    const writer = stdNamed('io.Writer');
    const under = underlying(writer);
    expect(under.kind).toBe('Interface');
    if (under.kind !== 'Interface') return;
    expect(methodsOf(under).map((m) => m.name)).toEqual(['Write']);
    expect(typeString(under, 'main')).toBe('interface{Write(p []byte) (n int, err error)}');
    // A recorded layout stays with it.
    expect(writer.std?.size).toBe(16);
  });

  it('an interface with unexported methods stays opaque (reflect.Type)', () => {
    expect(underlying(stdNamed('reflect.Type')).kind).toBe('Basic');
  });

  it('a user type with the method converts to it; calls through it type-check', () => {
    const source = `package main

import (
	"io"
	"os"
)

type upper struct{ out io.Writer }

func (u upper) Write(p []byte) (int, error) { return u.out.Write(p) }

func main() {
	var w io.Writer = upper{out: os.Stdout}
	n, err := w.Write(nil)
	_, _ = n, err
	io.WriteString(w, "hi")
}
`;
    expect(diagnosticsOf(source)).toEqual([]);
  });

  it('a type without it is rejected in gc wording', () => {
    const source = `package main

import "io"

type T struct{}

func (T) Write(s string) {}

type U struct{}

func (*U) Write(p []byte) (int, error) { return 0, nil }

type V struct{}

func (V) write(p []byte) (int, error) { return 0, nil }

func f(w io.Writer) {}

func main() {
	var t T
	f(t)
	f(U{})
	f(3)
	f(V{})
}
`;
    expect(diagnosticsOf(source)).toEqual([
      '21:4: cannot use t (variable of struct type T) as io.Writer value in argument to f: T does not implement io.Writer (wrong type for method Write)\n\t\thave Write(string)\n\t\twant Write([]byte) (int, error)',
      '22:4: cannot use U{} (value of struct type U) as io.Writer value in argument to f: U does not implement io.Writer (method Write has pointer receiver)',
      '23:4: cannot use 3 (constant of type int) as io.Writer value in argument to f: int does not implement io.Writer (missing method Write)',
      '24:4: cannot use V{} (value of struct type V) as io.Writer value in argument to f: V does not implement io.Writer (missing method Write)\n\t\thave write([]byte) (int, error)\n\t\twant Write([]byte) (int, error)',
    ]);
  });

  it('whether a std type has a method stdlib.json does not model is not modeled, not an error', () => {
    const source = `package main

import (
	"bytes"
	"io"
	"time"
)

type reader interface{ Read([]byte) (int, error) }

func main() {
	var r reader = &bytes.Buffer{}
	var w io.Writer = time.Second
	var ok io.Writer = &bytes.Buffer{}
	_, _, _ = r, w, ok
}
`;
    expect(diagnosticsOf(source)).toEqual(['12:17: not modeled: bytes.Buffer.Read', '13:20: not modeled: time.Duration.Write']);
  });

  it('an opaque std value converts to an interface by its recorded methods alone', () => {
    const source = `package main

import (
	"bytes"
	"io"
	"sync"
)

type locker interface{ Lock() }

func main() {
	var w io.Writer = bytes.Buffer{}
	var mu sync.Mutex
	var l locker = mu
	var ok locker = &mu
	_, _, _ = w, l, ok
}
`;
    expect(diagnosticsOf(source)).toEqual([
      '12:20: cannot use bytes.Buffer{} (value of struct type bytes.Buffer) as io.Writer value in variable declaration: bytes.Buffer does not implement io.Writer (method Write has pointer receiver)',
      '14:17: cannot use mu (variable of struct type "sync".Mutex) as locker value in variable declaration: "sync".Mutex does not implement locker (method Lock has pointer receiver)',
    ]);
    // A method the snapshot does not record may exist: not modeled, not "missing method".
    const reader = 'package main\n\nimport (\n\t"io"\n\t"strings"\n)\n\nfunc main() {\n\tvar sb strings.Builder\n\tvar r io.Reader = sb\n\t_ = r\n}\n';
    expect(diagnosticsOf(reader)).toEqual(['10:20: not modeled: strings.Builder.Read']);
  });

  it('a method promoted from an embedded std type beyond the snapshot is not modeled', () => {
    const source = `package main

import "strings"

type S struct{ strings.Builder }

func main() {
	var s S
	_ = s.Cap()
}
`;
    expect(diagnosticsOf(source)).toEqual(['9:8: not modeled: strings.Builder.Cap']);
  });
});

describe('std interfaces in the escape analysis', () => {
  const source = `package main

import "io"

type rw interface {
	io.Reader
	Close() error
}

type pipe struct{ buf []byte }

func (p *pipe) Read(b []byte) (int, error) { return copy(b, p.buf), nil }
func (p *pipe) Close() error               { return nil }

func drain(r io.Reader) int {
	var b [16]byte
	n, _ := r.Read(b[:])
	return n
}

func main() {
	var x rw = &pipe{}
	_ = drain(x)
}
`;
  const run = (m: 1 | 2) => analyze({ source, fileName: 'rw.go', flags: { m, noInline: true } });

  it('a call through io.Reader is an interface call: receiver and arguments leak (go1.26 -m -l)', async () => {
    const result = await run(1);
    expect(result.kind === 'ok' ? result.lines : result.diagnostics).toEqual([
      'rw.go:12:7: p does not escape',
      'rw.go:12:21: b does not escape',
      'rw.go:13:7: p does not escape',
      'rw.go:15:12: leaking param: r',
      'rw.go:16:6: moved to heap: b',
      'rw.go:22:13: &pipe{} escapes to heap',
    ]);
  });

  it('-m=2 wrappers of a method an interface gets from a std interface are not modeled (gc prints them inside GOROOT)', async () => {
    const result = await run(2);
    expect(result.kind).toBe('notModeled');
    expect(result.kind === 'notModeled' ? result.diagnostics[0]?.message : '').toBe(
      'not modeled: -m=2 lines of the wrapper gc generates for method Read of package io (its parameters are declared in the standard library)',
    );
  });
});

describe('exported fields of opaque std structs', () => {
  it('sync.Pool keeps its layout and exposes New only', () => {
    const pool = stdNamed('sync.Pool');
    expect(underlying(pool).kind).toBe('Basic');
    expect(pool.std?.fields?.fields.map((f) => f.name)).toEqual(['noCopy', 'local', 'localSize', 'victim', 'victimSize', 'New']);
    expect(typeString(pool.std?.fields?.fields[5]?.type ?? pool, 'main')).toBe('func() any');
  });

  it('a keyed literal and a selector of an exported field type-check', () => {
    const source = `package main

import "sync"

var pool = sync.Pool{New: func() any { return new(int) }}

type wrapped struct{ sync.Pool }

func main() {
	p := &sync.Pool{New: nil}
	if p.New == nil {
		p.New = pool.New
	}
	var w wrapped
	_ = w.New
	_ = p.New()
}
`;
    expect(diagnosticsOf(source)).toEqual([]);
  });

  it('unexported fields cannot be named or set by position (gc wording, "sync" quoted)', () => {
    const source = `package main

import "sync"

var a = sync.Pool{local: nil}
var b = sync.Pool{nil, nil, 0, nil, 0, nil}
var c = sync.Pool{New: nil, New: nil}
var d = sync.Pool{Foo: 1}
var e = sync.Pool{new: nil}

func main() {
	var p sync.Pool
	p.noCopy = 1
	_ = p.local
}
`;
    expect(diagnosticsOf(source)).toEqual([
      '5:19: cannot refer to unexported field local in struct literal of type "sync".Pool',
      '6:19: implicit assignment to unexported field noCopy in struct literal of type "sync".Pool',
      '6:24: implicit assignment to unexported field local in struct literal of type "sync".Pool',
      '6:29: implicit assignment to unexported field localSize in struct literal of type "sync".Pool',
      '6:32: implicit assignment to unexported field victim in struct literal of type "sync".Pool',
      '6:37: implicit assignment to unexported field victimSize in struct literal of type "sync".Pool',
      '7:29: duplicate field name New in struct literal',
      '8:19: unknown field Foo in struct literal of type "sync".Pool',
      '9:19: unknown field new in struct literal of type "sync".Pool, but does have New',
      '13:4: p.noCopy undefined (cannot refer to unexported field noCopy)',
      '14:8: p.local undefined (cannot refer to unexported field local)',
    ]);
  });

  it('a name the snapshot cannot rule out stays not modeled', () => {
    const source = `package main

import "sync"

func main() {
	var p sync.Pool
	_ = p.Missing
}
`;
    expect(diagnosticsOf(source)).toEqual(['7:8: not modeled: sync.Pool.Missing']);
  });

  it('a struct whose exported field has a type without a recorded layout stays opaque', () => {
    const snapshot: StdlibSnapshot = {
      goVersion: 'go1.26.8',
      functions: {},
      variables: {},
      constants: {},
      types: {
        'example/p.Box': {
          underlying: 'struct{Inner example/p.Unknown; n int}', kind: 'struct', size: 16, align: 8, pointers: true, pointerShaped: false, methods: [],
          fields: [
            { name: 'Inner', type: 'example/p.Unknown', embedded: false, exported: true, offset: 0 },
            { name: 'n', type: 'int', embedded: false, exported: false, offset: 8 },
          ],
        },
      },
    };
    const library = loadStdlib(snapshot);
    expect(stdNamed('example/p.Box', library).std?.fields).toBeUndefined();
    // Reading it did not invent a std type without a layout.
    expect(library.unknownLayouts).toEqual([]);
  });
});
