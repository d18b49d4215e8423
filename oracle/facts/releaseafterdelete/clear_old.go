//go:build !go1.21

package main

// clearFacts does nothing: before Go 1.21 there is no clear builtin.
func clearFacts() {}
