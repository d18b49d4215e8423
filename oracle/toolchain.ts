/**
 * Running the real Go toolchain: locating `go`, its version, and running one command with its
 * standard output and standard error merged in the order the process wrote them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment every go invocation runs with: no network, no toolchain switch, amd64. */
export const goEnvironment: NodeJS.ProcessEnv = {
  ...process.env,
  GOTOOLCHAIN: 'local',
  GOFLAGS: '',
  GOWORK: 'off',
  GO111MODULE: 'on',
  GOPROXY: 'off',
  GOOS: 'linux',
  GOARCH: 'amd64',
  GOAMD64: 'v1',
  CGO_ENABLED: '0',
};

/** What one go command printed and how it ended. */
export interface GoResult {
  /** Process exit code (-1 if it was killed by a signal). */
  exitCode: number;
  /** Standard output and standard error interleaved in write order. */
  output: string;
}

/** Returns `go env GOVERSION` (e.g. "go1.26.8"), or undefined when `go` is not on PATH. */
export function installedGoVersion(): string | undefined {
  const result = spawnSync('go', ['env', 'GOVERSION'], { env: goEnvironment, encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) return undefined;
  return result.stdout.trim();
}

/**
 * Runs `go args...` in `directory`, waiting while `goParallelism` go commands are already running.
 * Both output streams go to one file descriptor, so lines keep the order in which the process
 * wrote them (a pipe per stream would lose that order).
 */
export async function runGo(args: string[], directory: string): Promise<GoResult> {
  return withGoSlot(() => runGoNow(args, directory));
}

/** Runs `work` (another toolchain's command, or a built program) in one of the go command slots. */
export async function withGoSlot<T>(work: () => Promise<T>): Promise<T> {
  await acquireSlot();
  try {
    return await work();
  } finally {
    releaseSlot();
  }
}

async function runGoNow(args: string[], directory: string): Promise<GoResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'oracle-out-'));
  const outputPath = join(scratch, 'output');
  const descriptor = openSync(outputPath, 'w');
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      const child = spawn('go', args, { cwd: directory, env: goEnvironment, stdio: ['ignore', descriptor, descriptor] });
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? -1));
    });
    return { exitCode, output: readFileSync(outputPath, 'utf8') };
  } finally {
    closeSync(descriptor);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** How many go commands run at once: one per core, at least two. */
export const goParallelism = Math.max(2, availableParallelism());

/** go commands running now. */
let runningCommands = 0;
/** Callers waiting for a free slot, first come first served. */
const waitingCommands: (() => void)[] = [];

function acquireSlot(): Promise<void> {
  if (runningCommands < goParallelism) {
    runningCommands += 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waitingCommands.push(resolve));
}

function releaseSlot(): void {
  const next = waitingCommands.shift();
  if (next === undefined) runningCommands -= 1;
  else next();
}
