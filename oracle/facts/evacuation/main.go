// Command evacuation watches a growing classic map (Go 1.23 and earlier) through its live
// header and counts the old buckets that each kind of operation moves to the new array.
//
// It reads runtime internals through probekit/classicmap, so it only means something when
// built with a classic-map toolchain; the oracle builds it with Go 1.19.
package main

import (
	"runtime"
	"strings"
	"unsafe"

	"stackorheap.dev/oracle/facts/report"
	"stackorheap.dev/oracle/maps/probekit/classicmap"
)

var sink int64

func main() {
	for _, swiss := range []string{"go1.24", "go1.25", "go1.26", "go1.27"} {
		if strings.HasPrefix(runtime.Version(), swiss) {
			report.Fail("%s has Swiss maps; build this probe with Go 1.23 or earlier", runtime.Version())
		}
	}
	m := make(map[int64]int64)
	info, h := classicmap.Read(m)

	// Insert keys 0, 1, 2... until an insert starts the grow from 8 to 16 buckets (the grows
	// before it have too few old buckets to watch: the inserts that start them finish them).
	var inserted int64
	for h.OldBucketCount() < 8 {
		m[inserted] = inserted
		inserted++
	}
	old := h.OldBucketCount()
	moved := func() int {
		if h.Oldbuckets == nil {
			return old
		}
		n := 0
		for i := 0; i < old; i++ {
			if h.Evacuated(i, info.BucketSize) {
				n++
			}
		}
		return n
	}
	// oldBucketOf is the old bucket a key hashes to: the one its next write evacuates first.
	oldBucketOf := func(key int64) int {
		return int(info.Hasher(unsafe.Pointer(&key), uintptr(h.Hash0)) & uintptr(old-1))
	}
	report.Add("growStartInsert", "the insert that started the grow (keys in the map after it)", inserted)
	report.Add("oldBuckets", "buckets in the old array", old)
	report.Add("newBuckets", "buckets in the new array", 1<<h.B)

	// Reads: look up every key, 1,000 missing keys, and range over the whole map.
	before := moved()
	for k := int64(0); k < inserted; k++ {
		sink += m[k]
	}
	for k := int64(1000); k < 2000; k++ {
		if _, ok := m[k]; ok {
			sink++
		}
	}
	for k, v := range m {
		sink += k + v
	}
	report.Add("movedByReads", "old buckets moved by looking up every key, 1,000 missing keys and ranging over the map", moved()-before)
	report.Add("growingAfterReads", "the grow is still in progress after all those reads", h.Oldbuckets != nil)

	// One assignment to an existing key whose old bucket has not moved yet and is not the
	// next one in evacuation order: the write moves its own bucket and the next one.
	key := int64(-1)
	for k := int64(0); k < inserted; k++ {
		if b := oldBucketOf(k); !h.Evacuated(b, info.BucketSize) && b != int(h.Nevacuate) {
			key = k
			break
		}
	}
	if key < 0 {
		report.Fail("every key's old bucket has already moved")
	}
	before = moved()
	m[key] = -key
	report.Add("movedByAssign", "old buckets moved by one assignment to a key whose bucket had not moved", moved()-before)

	// One delete of a key that is not in the map, whose old bucket has already moved: the
	// write still moves the next bucket in evacuation order.
	missing := int64(1 << 20)
	for !h.Evacuated(oldBucketOf(missing), info.BucketSize) {
		missing++
	}
	before = moved()
	delete(m, missing)
	report.Add("movedByDeleteOfMissingKey", "old buckets moved by one delete of a missing key whose bucket had already moved", moved()-before)

	// Overwrite existing keys until the grow is over; every write moves at least one bucket.
	left := old - moved()
	writes := 0
	for k := int64(0); h.Oldbuckets != nil; k++ {
		m[k%inserted] = k
		writes++
	}
	report.Add("writesToFinishAtMostBucketsLeft", "the writes it took to finish the grow were no more than the old buckets still to move", writes <= left)
	report.Print()
}
