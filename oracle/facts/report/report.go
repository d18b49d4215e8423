// Package report collects the facts a probe program observed and prints them as one JSON
// object, {"facts":[{"name":...,"says":...,"value":...}]}, which oracle/facts.ts records.
package report

import (
	"encoding/json"
	"fmt"
	"os"
)

// Fact is one observation: a stable name for tests, a sentence for readers, and the value seen.
type Fact struct {
	Name  string `json:"name"`  // identifier the site and the tests look the fact up by
	Says  string `json:"says"`  // what was observed, in words, without the value
	Value any    `json:"value"` // a boolean, a count or a message: never a timing
}

var facts []Fact

// Add records one observation.
func Add(name, says string, value any) {
	facts = append(facts, Fact{Name: name, Says: says, Value: value})
}

// Print writes every recorded fact to standard output.
func Print() {
	if err := json.NewEncoder(os.Stdout).Encode(struct {
		Facts []Fact `json:"facts"`
	}{facts}); err != nil {
		Fail("%v", err)
	}
}

// Fail reports that the probe could not make its observation, and exits with status 1.
func Fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "probe failed: "+format+"\n", args...)
	os.Exit(1)
}
