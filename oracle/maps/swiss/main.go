// Command swiss reads the internals of live Swiss-table maps (internal/runtime/maps) through
// unsafe mirror structs and prints them as JSON. It is built with the Go toolchain on the
// machine (Go 1.26), where Swiss tables are the only map implementation.
//
// Usage: swiss grid | swiss record
//
// grid prints quantities that the hint, the insert count and the Go version decide alone.
// record prints seed-dependent observations over many maps (each map draws its own seed),
// plus a few full placements with every key's real hash for replay.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"unsafe"

	"stackorheap.dev/oracle/maps/probekit"
)

// swissMap mirrors internal/runtime/maps.Map (48 bytes on amd64).
type swissMap struct {
	used              uint64         // live entries
	seed              uintptr        // per-map hash seed
	dirPtr            unsafe.Pointer // *[dirLen]*table, or the single group of a small map
	dirLen            int            // 0 for a small map
	globalDepth       uint8          // hash bits used to index the directory
	globalShift       uint8          // 64 - globalDepth
	writing           uint8          // concurrent-write detector
	tombstonePossible bool           // a delete may have left a tombstone
	clearSeq          uint64         // bumped by each clear
}

// table mirrors internal/runtime/maps.table (32 bytes).
type table struct {
	used       uint16         // live entries in this table
	capacity   uint16         // slots, a power of two
	growthLeft uint16         // inserts left before a rehash
	localDepth uint8          // directory depth at which the table was made
	index      int            // first directory index pointing here, -1 once replaced
	groups     unsafe.Pointer // array of capacity/8 groups
	lengthMask uint64         // group count - 1
}

// eface mirrors an empty interface: the type word points at the runtime abi.MapType.
type eface struct {
	typ  unsafe.Pointer // *abi.MapType
	data unsafe.Pointer // *Map (maps are direct interface values)
}

// Offsets inside abi.MapType (Go 1.26, amd64).
const (
	mapTypeHasher    = 72  // func(unsafe.Pointer, uintptr) uintptr
	mapTypeGroupSize = 80  // uintptr
	mapTypeSlotSize  = 88  // uintptr
	mapTypeElemOff   = 96  // uintptr
	mapTypeFlags     = 104 // uint32
	groupSlots       = 8
	ctrlEmpty        = 0x80
)

// typeInfo is what the probe reads from the map type descriptor.
type typeInfo struct {
	GroupSize int    `json:"groupSize"` // control word plus 8 slots
	SlotSize  int    `json:"slotSize"`  // key and elem of one slot
	ElemOff   int    `json:"elemOff"`   // elem offset inside a slot
	Flags     uint32 `json:"flags"`     // NeedKeyUpdate=1, HashMightPanic=2, IndirectKey=4, IndirectElem=8
	hasher    func(unsafe.Pointer, uintptr) uintptr
}

func readType(m any) (typeInfo, *swissMap) {
	e := (*eface)(unsafe.Pointer(&m))
	t := e.typ
	info := typeInfo{
		GroupSize: int(*(*uintptr)(unsafe.Add(t, mapTypeGroupSize))),
		SlotSize:  int(*(*uintptr)(unsafe.Add(t, mapTypeSlotSize))),
		ElemOff:   int(*(*uintptr)(unsafe.Add(t, mapTypeElemOff))),
		Flags:     *(*uint32)(unsafe.Add(t, mapTypeFlags)),
		hasher:    *(*func(unsafe.Pointer, uintptr) uintptr)(unsafe.Add(t, mapTypeHasher)),
	}
	return info, (*swissMap)(e.data)
}

// tableState is one table as read from the directory.
type tableState struct {
	Capacity   int `json:"capacity"`
	Used       int `json:"used"`
	GrowthLeft int `json:"growthLeft"`
	LocalDepth int `json:"localDepth"`
	Index      int `json:"index"`
}

// state is one reading of a map between two operations.
type state struct {
	N           int          `json:"n"`           // keys inserted so far
	Used        int          `json:"used"`        // m.used
	Small       bool         `json:"small"`       // dirLen == 0 and a group exists
	HasStorage  bool         `json:"hasStorage"`  // dirPtr != nil
	DirLen      int          `json:"dirLen"`      // directory length
	GlobalDepth int          `json:"globalDepth"` // directory depth
	Tables      []tableState `json:"tables"`      // distinct tables in directory order
	Allocs      uint64       `json:"allocs"`      // heap allocations since just before make
	Bytes       uint64       `json:"bytes"`       // heap bytes allocated since just before make
}

// change is an insert after which the table count or directory length changed.
type change struct {
	N      int `json:"n"`      // insert count after the insert
	Tables int `json:"tables"` // distinct tables afterwards
	DirLen int `json:"dirLen"` // directory length afterwards
}

// run is one map followed through a sequence of inserts.
type run struct {
	Type    string   `json:"type"`
	Hint    int      `json:"hint"`
	States  []state  `json:"states"`
	Changes []change `json:"changes"`
	Layout  *layout  `json:"layout,omitempty"`
	Info    typeInfo `json:"info"`
}

// layout is a full placement: every key's hash and where it sits.
type layout struct {
	Hashes []string      `json:"hashes"` // hash of key i as 16 hex digits
	Small  *group        `json:"small,omitempty"`
	Tables []tableLayout `json:"tables"` // distinct tables in directory order
}

// tableLayout is one table's groups.
type tableLayout struct {
	Index  int     `json:"index"`
	Groups []group `json:"groups"`
}

// group is one group: control bytes and the key index in each slot (-1 if not full).
type group struct {
	Ctrl [groupSlots]uint8 `json:"ctrl"`
	Keys [groupSlots]int   `json:"keys"`
}

var sink any

// forcedSeed, when not zero, replaces the hash seed of each new map before its first insert.
// Maps made with the same seed in one process hash alike, so a placement run can be repeated
// and its allocations measured more than once (see fewestAllocations).
var forcedSeed uint64

func tables(m *swissMap) []*table {
	var out []*table
	for i := 0; i < m.dirLen; i++ {
		t := *(**table)(unsafe.Add(m.dirPtr, i*8))
		if t.index == i {
			out = append(out, t)
		}
	}
	return out
}

// follow inserts keys in order into make(map[K]V, hint) and reads the map at every N in
// checkpoints (N = 0 is read right after make).
func follow[K comparable, V any](name string, hint int, keys []K, checkpoints []int, keyIndex func(unsafe.Pointer) int) run {
	wanted := map[int]bool{}
	for _, n := range checkpoints {
		wanted[n] = true
	}
	states := make([]state, 0, len(checkpoints))
	changes := make([]change, 0, 256)
	scratch := make([]tableState, 0, 1024)
	var zero V

	debug.SetGCPercent(-1)
	defer debug.SetGCPercent(100)
	runtime.GC()
	allocs0, bytes0 := probekit.Memory()
	m := make(map[K]V, hint)
	sink = m
	info, h := readType(m)
	if forcedSeed != 0 {
		h.seed = uintptr(forcedSeed)
	}
	distinct := func() int {
		count := 0
		for i := 0; i < h.dirLen; i++ {
			if (*(**table)(unsafe.Add(h.dirPtr, i*8))).index == i {
				count++
			}
		}
		return count
	}
	read := func(n int) {
		allocs, bytes := probekit.Memory()
		s := state{
			N: n, Used: int(h.used), Small: h.dirLen == 0 && h.dirPtr != nil, HasStorage: h.dirPtr != nil,
			DirLen: h.dirLen, GlobalDepth: int(h.globalDepth), Allocs: allocs - allocs0, Bytes: bytes - bytes0,
		}
		start := len(scratch)
		for i := 0; i < h.dirLen; i++ {
			t := *(**table)(unsafe.Add(h.dirPtr, i*8))
			if t.index == i {
				scratch = append(scratch, tableState{int(t.capacity), int(t.used), int(t.growthLeft), int(t.localDepth), t.index})
			}
		}
		s.Tables = scratch[start:len(scratch):len(scratch)]
		states = append(states, s)
	}
	if wanted[0] {
		read(0)
	}
	lastTables, lastDir := distinct(), h.dirLen
	for i, k := range keys {
		m[k] = zero
		n := i + 1
		if h.dirLen != lastDir || (h.dirLen > 1 && distinct() != lastTables) {
			lastTables, lastDir = distinct(), h.dirLen
			changes = append(changes, change{N: n, Tables: lastTables, DirLen: lastDir})
		}
		if wanted[n] {
			read(n)
		}
	}
	r := run{Type: name, Hint: hint, States: states, Changes: changes, Info: info}
	if keyIndex != nil {
		r.Layout = dumpLayout(h, info, keys, keyIndex)
	}
	return r
}

func readGroup(g unsafe.Pointer, info typeInfo, keyIndex func(unsafe.Pointer) int) group {
	var out group
	for s := 0; s < groupSlots; s++ {
		out.Ctrl[s] = *(*uint8)(unsafe.Add(g, s))
		out.Keys[s] = -1
		if out.Ctrl[s]&ctrlEmpty == 0 {
			out.Keys[s] = keyIndex(unsafe.Add(g, 8+s*info.SlotSize))
		}
	}
	return out
}

func dumpLayout[K comparable](h *swissMap, info typeInfo, keys []K, keyIndex func(unsafe.Pointer) int) *layout {
	l := &layout{Tables: []tableLayout{}}
	for i := range keys {
		l.Hashes = append(l.Hashes, fmt.Sprintf("%016x", info.hasher(unsafe.Pointer(&keys[i]), h.seed)))
	}
	if h.dirLen == 0 {
		if h.dirPtr != nil {
			g := readGroup(h.dirPtr, info, keyIndex)
			l.Small = &g
		}
		return l
	}
	for _, t := range tables(h) {
		tl := tableLayout{Index: t.index}
		for gi := 0; gi <= int(t.lengthMask); gi++ {
			tl.Groups = append(tl.Groups, readGroup(unsafe.Add(t.groups, gi*info.GroupSize), info, keyIndex))
		}
		l.Tables = append(l.Tables, tl)
	}
	return l
}

// gridCheckpoints are the insert counts read in grid mode: both sides of every capacity step
// up to the first split, and a few points after it.
var gridCheckpoints = []int{0, 1, 2, 7, 8, 9, 10, 13, 14, 15, 16, 28, 29, 30, 56, 57, 100, 112, 113, 224, 225,
	448, 449, 500, 896, 897, 898, 1000, 1500, 1792, 1793, 2000}

// gridHints are the make hints probed.
var gridHints = []int{0, 1, 8, 9, 13, 14, 15, 28, 29, 100, 448, 449, 896, 897, 1000, 1792, 1793, 3584, 3585, 10000}

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

// recordMaps is how many maps (each with its own seed) the record mode follows per series.
const recordMaps = 30

// randomSeed draws a seed the way the runtime would: from a fresh map's own random seed.
func randomSeed() uint64 {
	m := make(map[int]int)
	_, h := readType(m)
	return uint64(h.seed) | 1
}

func record() []run {
	var runs []run
	checkpoints := []int{1000, 2000, 5000, 10000, 20000}
	ints := probekit.Int64Keys(20000)
	for i := 0; i < recordMaps; i++ {
		runs = append(runs, follow[int64, int64]("map[int64]int64", 0, ints, checkpoints, nil))
	}
	for _, n := range []int{8, 100, 3000} {
		keys := probekit.Int64Keys(n)
		forcedSeed = uint64(randomSeed())
		runs = append(runs, fewestAllocations(func() run { return follow[int64, int64]("map[int64]int64", 0, keys, []int{n}, probekit.Int64Index) }))
		forcedSeed = 0
	}
	return runs
}

// scenarioState is a seed-independent reading taken inside a scenario.
type scenarioState struct {
	Step       string `json:"step"`                 // what had just happened
	Used       int    `json:"used"`                 // m.used
	Small      bool   `json:"small"`                // dirLen == 0 with a group
	SmallFull  []bool `json:"smallFull,omitempty"`  // small map: which slots are full
	DirLen     int    `json:"dirLen"`               // directory length
	Capacities []int  `json:"capacities"`           // capacity of each distinct table
	GrowthLeft []int  `json:"growthLeft,omitempty"` // growthLeft of each table, when seed-independent
}

// scenario is a short, seed-independent story: updates, deletes and clears.
type scenario struct {
	Name   string          `json:"name"`
	States []scenarioState `json:"states"`
}

func readScenario(step string, h *swissMap, withGrowthLeft bool) scenarioState {
	s := scenarioState{Step: step, Used: int(h.used), Small: h.dirLen == 0 && h.dirPtr != nil, DirLen: h.dirLen, Capacities: []int{}}
	if s.Small {
		for i := 0; i < groupSlots; i++ {
			s.SmallFull = append(s.SmallFull, *(*uint8)(unsafe.Add(h.dirPtr, i))&ctrlEmpty == 0)
		}
	}
	for _, t := range tables(h) {
		s.Capacities = append(s.Capacities, int(t.capacity))
		if withGrowthLeft {
			s.GrowthLeft = append(s.GrowthLeft, int(t.growthLeft))
		}
	}
	return s
}

func scenarios() []scenario {
	var out []scenario
	{
		m := make(map[int64]int64)
		sink = m
		_, h := readType(m)
		s := scenario{Name: "update a key of a full small map"}
		for i := int64(0); i < 8; i++ {
			m[i] = i
		}
		s.States = append(s.States, readScenario("inserted 8", h, true))
		m[3] = 30
		s.States = append(s.States, readScenario("updated key 3", h, true))
		out = append(out, s)
	}
	{
		m := make(map[int64]int64)
		sink = m
		_, h := readType(m)
		s := scenario{Name: "delete from a small map, then insert"}
		for i := int64(0); i < 7; i++ {
			m[i] = i
		}
		delete(m, 3)
		s.States = append(s.States, readScenario("inserted 7, deleted key 3", h, false))
		m[100] = 100
		s.States = append(s.States, readScenario("inserted key 100", h, false))
		out = append(out, s)
	}
	{
		m := make(map[int64]int64)
		sink = m
		_, h := readType(m)
		s := scenario{Name: "clear after 1000 inserts"}
		for i := int64(0); i < 1000; i++ {
			m[i] = i
		}
		s.States = append(s.States, readScenario("inserted 1000", h, false))
		clear(m)
		s.States = append(s.States, readScenario("cleared", h, true))
		out = append(out, s)
	}
	{
		m := make(map[int64]int64)
		sink = m
		_, h := readType(m)
		s := scenario{Name: "delete every key after 1000 inserts"}
		for i := int64(0); i < 1000; i++ {
			m[i] = i
		}
		s.States = append(s.States, readScenario("inserted 1000", h, false))
		for i := int64(0); i < 1000; i++ {
			delete(m, i)
		}
		s.States = append(s.States, readScenario("deleted 1000", h, false))
		out = append(out, s)
	}
	return out
}

func main() {
	if len(os.Args) != 2 || (os.Args[1] != "grid" && os.Args[1] != "record") {
		fmt.Fprintln(os.Stderr, "usage: swiss grid|record")
		os.Exit(2)
	}
	out := output{GoVersion: runtime.Version(), Impl: "swiss", Mode: os.Args[1]}
	if out.Mode == "grid" {
		out.Runs = grid()
		out.Scenarios = scenarios()
	} else {
		out.Runs = record()
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
