// Command classic reads the internals of live classic (hmap/bmap) maps through the unsafe
// mirror structs of probekit/classicmap and prints them as JSON. It is built with Go 1.19, the
// last release line whose runtime this project models for classic maps without a GOEXPERIMENT.
//
// Usage: classic grid | classic record
//
// grid prints quantities that the hint, the insert count and the Go version decide alone
// (B, bucket-array lengths, grow start points, allocations while no overflow bucket is
// needed). record prints seed-dependent observations over many maps (each map draws its own
// hash0), plus a few full placements with every key's real hash for replay.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"unsafe"

	"stackorheap.dev/oracle/maps/probekit"
	"stackorheap.dev/oracle/maps/probekit/classicmap"
)

// state is one reading of a map between two operations.
type state struct {
	N               int    `json:"n"`               // keys inserted so far
	Count           int    `json:"count"`           // h.Count
	B               int    `json:"B"`               // h.B
	Buckets         int    `json:"buckets"`         // length of the current bucket array, preallocated overflow included
	Overflow        int    `json:"overflow"`        // h.Noverflow
	OverflowBuckets int    `json:"overflowBuckets"` // overflow buckets chained from the current array (walked)
	OverflowFresh   int    `json:"overflowFresh"`   // of those, buckets allocated on their own (not preallocated)
	Growing         bool   `json:"growing"`         // oldbuckets != nil
	SameSizeGrow    bool   `json:"sameSizeGrow"`    // flags & sameSizeGrow
	Nevacuate       int    `json:"nevacuate"`       // evacuation mark
	HasExtra        bool   `json:"hasExtra"`        // h.Extra != nil
	Allocs          uint64 `json:"allocs"`          // heap allocations since just before make
	Bytes           uint64 `json:"bytes"`           // heap bytes allocated since just before make
}

// grow is one grow as seen from outside: when it started and when evacuation finished.
type grow struct {
	StartN   int  `json:"startN"`   // insert count after the insert that started it
	B        int  `json:"B"`        // B of the new array
	Buckets  int  `json:"buckets"`  // new array length, preallocated overflow included
	SameSize bool `json:"sameSize"` // a same-size grow
	FinishN  int  `json:"finishN"`  // insert count after which oldbuckets became nil (-1 if still growing)
}

// run is one map followed through a sequence of inserts.
type run struct {
	Type   string              `json:"type"`
	Hint   int                 `json:"hint"`
	States []state             `json:"states"`
	Grows  []grow              `json:"grows"`
	Layout *layout             `json:"layout,omitempty"`
	Info   classicmap.TypeInfo `json:"info"`
}

// layout is a full placement: every key's hash and where it sits.
type layout struct {
	Hashes  []string   `json:"hashes"`  // hash of key i as 16 hex digits
	Buckets [][]bucket `json:"buckets"` // per regular bucket, its chain
}

// bucket is one bucket of a chain: tophash bytes and the key index in each slot (-1 if empty).
type bucket struct {
	Tophash [classicmap.BucketSlots]uint8 `json:"tophash"`
	Keys    [classicmap.BucketSlots]int   `json:"keys"`
}

var sink any

// forcedSeed, when not zero, replaces the hash seed of each new map before its first insert.
// Maps made with the same seed in one process hash alike, so a placement run can be repeated
// and its allocations measured more than once (see fewestAllocations).
var forcedSeed uint64

// arrayLength finds the allocated length of the current bucket array, preallocated overflow
// buckets included. Free preallocated buckets run from extra.NextOverflow to the one whose
// overflow pointer is non-nil (the sentinel). When none is free any more (evacuation may use
// them up inside the very insert that started a grow), they are all in chains, and the
// highest one found right after the regular buckets is the last.
func arrayLength(h *classicmap.Header, bucketSize int) int {
	regular := 1 << h.B
	if h.Extra != nil && h.Extra.NextOverflow != nil {
		b := h.Extra.NextOverflow
		for classicmap.Overflow(b, bucketSize) == nil {
			b = unsafe.Add(b, bucketSize)
		}
		return int((uintptr(b)-uintptr(h.Buckets))/uintptr(bucketSize)) + 1
	}
	if h.B < 4 {
		return regular
	}
	length := regular
	start := uintptr(h.Buckets) + uintptr(regular*bucketSize)
	end := start + uintptr((regular/8+1)*bucketSize)
	for i := 0; i < regular; i++ {
		for b := classicmap.Overflow(unsafe.Add(h.Buckets, i*bucketSize), bucketSize); b != nil; b = classicmap.Overflow(b, bucketSize) {
			if uintptr(b) >= start && uintptr(b) < end {
				if index := int((uintptr(b)-uintptr(h.Buckets))/uintptr(bucketSize)) + 1; index > length {
					length = index
				}
			}
		}
	}
	return length
}

// walkOverflow counts overflow buckets chained from the regular buckets of the current array,
// and how many of them lie outside the array (allocated on their own).
func walkOverflow(h *classicmap.Header, bucketSize, arrayLen int) (total, fresh int) {
	start := uintptr(h.Buckets)
	end := start + uintptr(arrayLen*bucketSize)
	for i := 0; i < 1<<h.B; i++ {
		b := classicmap.Overflow(unsafe.Add(h.Buckets, i*bucketSize), bucketSize)
		for b != nil {
			total++
			if uintptr(b) < start || uintptr(b) >= end {
				fresh++
			}
			b = classicmap.Overflow(b, bucketSize)
		}
	}
	return total, fresh
}

// follow inserts keys in order into make(map[K]V, hint) and reads the map at every N in
// checkpoints (N = 0 is read right after make).
func follow[K comparable, V any](name string, hint int, keys []K, checkpoints []int, keyIndex func(unsafe.Pointer) int) run {
	wanted := map[int]bool{}
	for _, n := range checkpoints {
		wanted[n] = true
	}
	states := make([]state, 0, len(checkpoints))
	grows := make([]grow, 0, 64)
	var zero V

	debug.SetGCPercent(-1)
	defer debug.SetGCPercent(100)
	runtime.GC()
	allocs0, bytes0 := probekit.Memory()
	m := make(map[K]V, hint)
	sink = m
	info, h := classicmap.Read(m)
	if forcedSeed != 0 {
		h.Hash0 = uint32(forcedSeed)
	}
	currentLen := 0
	if h.Buckets != nil {
		currentLen = arrayLength(h, info.BucketSize)
	}
	lastBuckets := h.Buckets
	read := func(n int) {
		allocs, bytes := probekit.Memory()
		s := state{
			N: n, Count: h.Count, B: int(h.B), Buckets: currentLen, Overflow: int(h.Noverflow),
			Growing: h.Oldbuckets != nil, SameSizeGrow: h.Flags&classicmap.SameSizeGrowFlag != 0,
			Nevacuate: int(h.Nevacuate), HasExtra: h.Extra != nil,
			Allocs: allocs - allocs0, Bytes: bytes - bytes0,
		}
		if h.Buckets != nil {
			s.OverflowBuckets, s.OverflowFresh = walkOverflow(h, info.BucketSize, currentLen)
		}
		states = append(states, s)
	}
	if wanted[0] {
		read(0)
	}
	for i, k := range keys {
		wasGrowing := h.Oldbuckets != nil
		m[k] = zero
		n := i + 1
		if h.Buckets != lastBuckets {
			lastBuckets = h.Buckets
			currentLen = arrayLength(h, info.BucketSize)
			if h.Oldbuckets != nil || i > 0 {
				grows = append(grows, grow{StartN: n, B: int(h.B), Buckets: currentLen, SameSize: h.Flags&classicmap.SameSizeGrowFlag != 0, FinishN: -1})
			}
		}
		if len(grows) > 0 && grows[len(grows)-1].FinishN == -1 && h.Oldbuckets == nil && (wasGrowing || grows[len(grows)-1].StartN == n) {
			grows[len(grows)-1].FinishN = n
		}
		if wanted[n] {
			read(n)
		}
	}
	r := run{Type: name, Hint: hint, States: states, Grows: grows, Info: info}
	if keyIndex != nil {
		r.Layout = dumpLayout(h, info, keys, keyIndex)
	}
	return r
}

func dumpLayout[K comparable](h *classicmap.Header, info classicmap.TypeInfo, keys []K, keyIndex func(unsafe.Pointer) int) *layout {
	l := &layout{}
	for i := range keys {
		l.Hashes = append(l.Hashes, fmt.Sprintf("%016x", info.Hasher(unsafe.Pointer(&keys[i]), uintptr(h.Hash0))))
	}
	for i := 0; i < 1<<h.B; i++ {
		var chain []bucket
		for b := unsafe.Add(h.Buckets, i*info.BucketSize); b != nil; b = classicmap.Overflow(b, info.BucketSize) {
			var out bucket
			for s := 0; s < classicmap.BucketSlots; s++ {
				out.Tophash[s] = *(*uint8)(unsafe.Add(b, s))
				out.Keys[s] = -1
				if out.Tophash[s] >= classicmap.MinTopHash {
					out.Keys[s] = keyIndex(unsafe.Add(b, 8+s*info.KeySize))
				}
			}
			chain = append(chain, out)
		}
		l.Buckets = append(l.Buckets, chain)
	}
	return l
}

// gridCheckpoints are the insert counts read in grid mode: both sides of every grow threshold
// for load factors 6.5 and 6.0, and a few round numbers.
var gridCheckpoints = []int{0, 1, 2, 7, 8, 9, 10, 12, 13, 14, 15, 24, 25, 26, 27, 48, 49, 52, 53, 96, 97, 100, 104, 105,
	192, 193, 208, 209, 384, 385, 416, 417, 768, 769, 832, 833, 1000, 1536, 1537, 1664, 1665, 3072, 3073, 3328, 3329,
	5000, 6656, 6657, 10000}

// gridHints are the make hints probed.
var gridHints = []int{0, 1, 8, 9, 13, 14, 26, 27, 52, 53, 100, 1000, 10000}

type output struct {
	GoVersion string     `json:"goVersion"`
	Impl      string     `json:"impl"`
	Mode      string     `json:"mode"`
	Runs      []run      `json:"runs"`
	Scenarios []scenario `json:"scenarios,omitempty"`
}

// fewestAllocations runs a probe three times and keeps, per checkpoint, the fewest allocations
// and bytes seen: a runtime goroutine occasionally allocates during a measurement, and that
// noise only ever adds. Everything else comes from the first run.
func fewestAllocations(probe func() run) run {
	best := probe()
	for i := 0; i < 2; i++ {
		again := probe()
		for j := range best.States {
			if again.States[j].Allocs < best.States[j].Allocs {
				best.States[j].Allocs = again.States[j].Allocs
			}
			if again.States[j].Bytes < best.States[j].Bytes {
				best.States[j].Bytes = again.States[j].Bytes
			}
		}
	}
	return best
}

func grid() []run {
	var runs []run
	maxN := gridCheckpoints[len(gridCheckpoints)-1]
	ints, int32s, strs := probekit.Int64Keys(maxN), probekit.Int32Keys(maxN), probekit.StringKeys(maxN)
	for _, hint := range gridHints {
		runs = append(runs,
			fewestAllocations(func() run { return follow[int64, int64]("map[int64]int64", hint, ints, gridCheckpoints, nil) }),
			fewestAllocations(func() run { return follow[string, string]("map[string]string", hint, strs, gridCheckpoints, nil) }),
			fewestAllocations(func() run { return follow[int32, int8]("map[int32]int8", hint, int32s, gridCheckpoints, nil) }),
			fewestAllocations(func() run { return follow[int64, [128]byte]("map[int64][128]byte", hint, ints, gridCheckpoints, nil) }),
			fewestAllocations(func() run { return follow[int64, [129]byte]("map[int64][129]byte", hint, ints, gridCheckpoints, nil) }),
		)
	}
	return runs
}

// recordMaps is how many maps (each with its own hash0) the record mode follows per series.
const recordMaps = 30

// randomSeed draws a seed the way the runtime would: from a fresh map's own random seed.
func randomSeed() uint64 {
	m := make(map[int]int)
	_, h := classicmap.Read(m)
	return uint64(h.Hash0) | 1
}

func record() []run {
	var runs []run
	checkpoints := []int{100, 500, 1000, 2000, 5000, 10000, 20000}
	ints := probekit.Int64Keys(20000)
	for i := 0; i < recordMaps; i++ {
		runs = append(runs, follow[int64, int64]("map[int64]int64", 0, ints, checkpoints, nil))
	}
	for i := 0; i < 3; i++ {
		keys := probekit.Int64Keys(1000)
		forcedSeed = uint64(randomSeed())
		runs = append(runs, fewestAllocations(func() run { return follow[int64, int64]("map[int64]int64", 0, keys, []int{1000}, probekit.Int64Index) }))
		forcedSeed = 0
	}
	return runs
}

// scenarioState is a seed-independent reading taken inside a scenario.
type scenarioState struct {
	Step      string `json:"step"`      // what had just happened
	Count     int    `json:"count"`     // h.Count
	B         int    `json:"B"`         // h.B
	Buckets   int    `json:"buckets"`   // bucket array length, preallocated overflow included
	SameArray bool   `json:"sameArray"` // the bucket array is the one the scenario started with
}

// scenario is a short, seed-independent story: deletes and clears.
type scenario struct {
	Name   string          `json:"name"`
	States []scenarioState `json:"states"`
}

func scenarios() []scenario {
	read := func(step string, h *classicmap.Header, first unsafe.Pointer, bucketSize int) scenarioState {
		return scenarioState{Step: step, Count: h.Count, B: int(h.B), Buckets: arrayLength(h, bucketSize), SameArray: h.Buckets == first}
	}
	var out []scenario
	{
		m := make(map[int64]int64)
		sink = m
		info, h := classicmap.Read(m)
		for i := int64(0); i < 1000; i++ {
			m[i] = i
		}
		first := h.Buckets
		s := scenario{Name: "range-delete idiom (mapclear) after 1000 inserts"}
		s.States = append(s.States, read("inserted 1000", h, first, info.BucketSize))
		for k := range m {
			delete(m, k)
		}
		s.States = append(s.States, read("cleared", h, first, info.BucketSize))
		for i := int64(0); i < 1000; i++ {
			m[i] = i
		}
		s.States = append(s.States, read("inserted 1000 again", h, first, info.BucketSize))
		out = append(out, s)
	}
	{
		m := make(map[int64]int64)
		sink = m
		info, h := classicmap.Read(m)
		for i := int64(0); i < 1000; i++ {
			m[i] = i
		}
		first := h.Buckets
		s := scenario{Name: "delete every key after 1000 inserts"}
		s.States = append(s.States, read("inserted 1000", h, first, info.BucketSize))
		for i := int64(0); i < 1000; i++ {
			delete(m, i)
		}
		s.States = append(s.States, read("deleted 1000", h, first, info.BucketSize))
		out = append(out, s)
	}
	return out
}

func main() {
	if len(os.Args) != 2 || (os.Args[1] != "grid" && os.Args[1] != "record") {
		fmt.Fprintln(os.Stderr, "usage: classic grid|record")
		os.Exit(2)
	}
	out := output{GoVersion: runtime.Version(), Impl: "classic", Mode: os.Args[1]}
	if out.Mode == "grid" {
		out.Runs = grid()
		out.Scenarios = scenarios()
	} else {
		out.Runs = record()
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
