// Command concurrentdelete deletes keys of one map from four goroutines at once, first with
// no lock (in a child process, which the runtime is expected to stop) and then with a
// sync.Mutex around each delete.
//
// Usage: concurrentdelete (the child mode, concurrentdelete unlocked, is started by it).
package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"stackorheap.dev/oracle/facts/report"
)

const (
	keys       = 1000
	goroutines = 4
)

// filled returns a map with the keys 0..keys-1 and -1. Key -1 is never deleted, so the map is
// never empty: the runtime returns early, without any check, from a delete on an empty map.
func filled() map[int]int {
	m := make(map[int]int)
	for k := -1; k < keys; k++ {
		m[k] = k
	}
	return m
}

// deleteUnlocked deletes the keys from four goroutines with no synchronization, over and
// over, for up to ten seconds.
func deleteUnlocked() {
	m := filled()
	deadline := time.Now().Add(10 * time.Second)
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				for k := 0; k < keys; k++ {
					delete(m, k)
				}
			}
		}()
	}
	wg.Wait()
	os.Stdout.WriteString("no fatal error in ten seconds\n")
}

// deleteLocked deletes the keys from four goroutines too, each delete under one mutex, 100
// times over.
func deleteLocked() (left int) {
	m := filled()
	var mu sync.Mutex
	for round := 0; round < 100; round++ {
		var wg sync.WaitGroup
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := 0; k < keys; k++ {
					mu.Lock()
					delete(m, k)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
	}
	return len(m)
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "unlocked" {
		deleteUnlocked()
		return
	}
	self, err := os.Executable()
	if err != nil {
		report.Fail("%v", err)
	}
	child := exec.Command(self, "unlocked")
	var stdout, stderr bytes.Buffer
	child.Stdout, child.Stderr = &stdout, &stderr
	err = child.Run()
	status := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		status = exit.ExitCode()
	} else if err != nil {
		report.Fail("%v", err)
	}
	firstLine := strings.SplitN(stderr.String(), "\n", 2)[0]
	report.Add("unlockedExitStatus", "exit status of the process whose goroutines deleted without a lock", status)
	report.Add("unlockedFirstLine", "the first line it printed on standard error", firstLine)
	report.Add("unlockedFinishedNormally", "it printed its closing line (no fatal error in ten seconds)", strings.Contains(stdout.String(), "no fatal error"))
	report.Add("lockedEntriesLeft", "entries left after the same deletes with a sync.Mutex around each (key -1 is never deleted)", deleteLocked())
	report.Print()
}
