/**
 * stdlib.json: for each std function the simulator models, its go/types signature (from
 * oracle/stdlib/main.go, which type-checks the std sources) and what the compiler prints about
 * its parameters and its inlinability when it builds the std package itself with -m (the same
 * build of the package user code links against, so the same parameter tags).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StdFunction, StdParameter, StdlibSnapshot } from '../src/data/oracle/snapshots.ts';
import { formatJson, snippetModule } from './escape.ts';
import { repositoryRoot } from './sources.ts';
import { runGo } from './toolchain.ts';

/** Functions, methods (`(*pkg.T).M`, `pkg.T.M`) and variables recorded in stdlib.json. */
export const modelledStdNames: readonly string[] = [
  'fmt.Print', 'fmt.Println', 'fmt.Printf', 'fmt.Sprint', 'fmt.Sprintf', 'fmt.Sprintln', 'fmt.Errorf',
  'fmt.Fprint', 'fmt.Fprintf', 'fmt.Fprintln',
  'errors.New', 'errors.Is', 'errors.As', 'errors.Unwrap', 'errors.Join',
  '(*strings.Builder).WriteString', '(*strings.Builder).WriteByte', '(*strings.Builder).WriteRune',
  '(*strings.Builder).Write', '(*strings.Builder).String', '(*strings.Builder).Len', '(*strings.Builder).Grow',
  '(*strings.Builder).Reset',
  'strings.Join', 'strings.Repeat', 'strings.Contains', 'strings.Split', 'strings.ToUpper', 'strings.ToLower',
  'strings.HasPrefix', 'strings.Fields', 'strings.TrimSpace', 'strings.Index',
  'strconv.Itoa', 'strconv.Atoi', 'strconv.FormatInt', 'strconv.ParseInt', 'strconv.Quote',
  'sort.Slice', 'sort.Ints', 'sort.Strings', 'sort.Sort',
  '(*sync.WaitGroup).Add', '(*sync.WaitGroup).Done', '(*sync.WaitGroup).Wait', '(*sync.WaitGroup).Go',
  '(*sync.Mutex).Lock', '(*sync.Mutex).Unlock', '(*sync.Mutex).TryLock',
  '(*sync.RWMutex).Lock', '(*sync.RWMutex).Unlock', '(*sync.RWMutex).RLock', '(*sync.RWMutex).RUnlock',
  '(*sync.Once).Do', '(*sync.Pool).Get', '(*sync.Pool).Put',
  '(*sync.Map).Load', '(*sync.Map).Store', '(*sync.Map).LoadOrStore', '(*sync.Map).Delete', '(*sync.Map).Range',
  '(*bytes.Buffer).Write', '(*bytes.Buffer).WriteString', '(*bytes.Buffer).WriteByte', '(*bytes.Buffer).String',
  '(*bytes.Buffer).Bytes', '(*bytes.Buffer).Len', '(*bytes.Buffer).Reset', '(*bytes.Buffer).Grow',
  'bytes.NewBuffer', 'bytes.NewBufferString', 'bytes.Equal',
  'io.WriteString', 'io.Copy', 'io.ReadAll',
  'os.Stdout', 'os.Stderr', '(*os.File).Write', '(*os.File).WriteString', 'os.Exit', 'os.Getenv',
  'time.Now', 'time.Since', 'time.After', 'time.Sleep', 'time.Time.Sub', 'time.Duration.String',
];

/** One entry printed by oracle/stdlib/main.go. */
interface Described {
  /** Requested name. */
  name: string;
  /** Import path of the declaring package. */
  package: string;
  /** "func" or "var". */
  kind: 'func' | 'var';
  /** types.ObjectString. */
  signature: string;
  /** The object's type. */
  type: string;
  /** file:line:column of the declared name. */
  position: string;
  /** Receiver, for methods. */
  receiver?: DescribedParameter;
  /** Parameters in order. */
  params: DescribedParameter[];
  /** Result types. */
  results: string[];
}

/** One parameter as printed by oracle/stdlib/main.go. */
interface DescribedParameter {
  /** Declared name. */
  name: string;
  /** Type string. */
  type: string;
  /** file:line:column of the name. */
  position: string;
}

/** Writes `outFolder/stdlib.json`; returns the problems found. */
export async function generateStdlib(outFolder: string, goVersion: string): Promise<string[]> {
  const describedRun = await runGo(['run', '.', ...modelledStdNames], join(repositoryRoot, 'oracle/stdlib'));
  if (describedRun.exitCode !== 0) return [`oracle/stdlib failed:\n${describedRun.output}`];
  const described = JSON.parse(describedRun.output) as Described[];

  const packages = [...new Set(described.filter((entry) => entry.kind === 'func').map((entry) => entry.package))].sort();
  const module = mkdtempSync(join(tmpdir(), 'oracle-stdlib-'));
  let build;
  try {
    writeFileSync(join(module, 'go.mod'), snippetModule);
    build = await runGo(['build', ...packages.map((name) => `-gcflags=${name}=-m`), ...packages], module);
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
  if (build.exitCode !== 0) return [`building ${packages.join(' ')} with -m failed:\n${build.output}`];

  // Messages by exact position, and "can inline" by file:line (the compiler puts it at the
  // func keyword or the receiver's parenthesis, on the declaration's line).
  const messagesAt = new Map<string, string[]>();
  const inlinableLines = new Set<string>();
  for (const line of build.output.split('\n')) {
    const match = /^(.+?):(\d+):(\d+): (.*)$/.exec(line);
    if (match === null) continue;
    const [, file, row, column, message] = match as unknown as [string, string, string, string, string];
    if (message.startsWith('can inline ')) inlinableLines.add(`${file}:${row}`);
    const key = `${file}:${row}:${column}`;
    messagesAt.set(key, [...(messagesAt.get(key) ?? []), message]);
  }
  const parameter = (entry: DescribedParameter): StdParameter => ({
    name: entry.name,
    type: entry.type,
    leaks: (messagesAt.get(entry.position) ?? []).filter((message) => !message.startsWith('inlining call to ')),
  });

  const snapshot: StdlibSnapshot = { goVersion, functions: {}, variables: {} };
  for (const entry of described) {
    if (entry.kind === 'var') {
      snapshot.variables[entry.name] = { signature: entry.signature, type: entry.type };
      continue;
    }
    const declarationLine = entry.position.replace(/:\d+$/, '');
    const record: StdFunction = {
      signature: entry.signature,
      type: entry.type,
      inlinable: inlinableLines.has(declarationLine),
      params: entry.params.map(parameter),
      results: entry.results,
    };
    if (entry.receiver !== undefined) record.receiver = parameter(entry.receiver);
    snapshot.functions[entry.name] = record;
  }
  mkdirSync(outFolder, { recursive: true });
  writeFileSync(join(outFolder, 'stdlib.json'), formatJson(snapshot));
  return [];
}
