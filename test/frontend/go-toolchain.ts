/** Finding the installed Go toolchain's sources, for tests that read Go's own test files. */
import { execFileSync } from 'node:child_process';

/** `go env GOROOT`, or null when `go` is not installed. */
export function goroot(): string | null {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
