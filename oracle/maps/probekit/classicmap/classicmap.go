// Package classicmap reads the header of a live classic (hmap/bmap) map through unsafe mirror
// structs. The layouts are those of Go 1.19 on amd64; the runtime's classic maps kept them
// until Go 1.23. Programs that use it must be built with such a toolchain: with a Swiss-map
// runtime (Go 1.24 and later) the same bytes mean something else.
package classicmap

import "unsafe"

// Header mirrors runtime.hmap (48 bytes on amd64).
type Header struct {
	Count      int            // live entries
	Flags      uint8          // iterator / oldIterator / hashWriting / sameSizeGrow bits
	B          uint8          // log2 of the regular bucket count
	Noverflow  uint16         // overflow buckets allocated since the last grow (exact while B < 16)
	Hash0      uint32         // per-map hash seed
	Buckets    unsafe.Pointer // current bucket array
	Oldbuckets unsafe.Pointer // previous array while a grow is in progress
	Nevacuate  uintptr        // old buckets below this index are evacuated
	Extra      *Extra         // optional fields
}

// Extra mirrors runtime.mapextra.
type Extra struct {
	Overflow     *[]unsafe.Pointer // overflow buckets of pointer-free maps, kept alive here
	Oldoverflow  *[]unsafe.Pointer // the same for the old array
	NextOverflow unsafe.Pointer    // next free preallocated overflow bucket
}

// Flag bits of Header.Flags, and bucket constants.
const (
	SameSizeGrowFlag = 8 // the grow in progress keeps the bucket count
	BucketSlots      = 8 // key/elem slots per bucket
	MinTopHash       = 5 // tophash values below this mark empty or evacuated slots
	evacuatedX       = 2 // first tophash of an old bucket moved to the lower half
	evacuatedEmpty   = 4 // first tophash of an old bucket that was empty when evacuated
)

// Offsets inside runtime.maptype (Go 1.19, amd64).
const (
	maptypeHasher     = 72 // func(unsafe.Pointer, uintptr) uintptr
	maptypeKeySize    = 80 // uint8
	maptypeElemSize   = 81 // uint8
	maptypeBucketSize = 82 // uint16
	maptypeFlags      = 84 // uint32
)

// eface mirrors an empty interface: the type word points at the runtime maptype.
type eface struct {
	typ  unsafe.Pointer // *maptype
	data unsafe.Pointer // *hmap (maps are direct interface values)
}

// TypeInfo is what is read from the map's maptype descriptor.
type TypeInfo struct {
	KeySize    int                                    `json:"keySize"`    // key slot size (8 when the key is stored indirectly)
	ElemSize   int                                    `json:"elemSize"`   // elem slot size (8 when the elem is stored indirectly)
	BucketSize int                                    `json:"bucketSize"` // whole bucket, overflow pointer included
	Flags      uint32                                 `json:"flags"`      // indirectkey=1, indirectelem=2, reflexivekey=4, needkeyupdate=8, hashMightPanic=16
	Hasher     func(unsafe.Pointer, uintptr) uintptr `json:"-"`          // the key type's hash function
}

// Read returns the type information and the live header of the map m (any map type).
func Read(m any) (TypeInfo, *Header) {
	e := (*eface)(unsafe.Pointer(&m))
	t := e.typ
	info := TypeInfo{
		KeySize:    int(*(*uint8)(unsafe.Add(t, maptypeKeySize))),
		ElemSize:   int(*(*uint8)(unsafe.Add(t, maptypeElemSize))),
		BucketSize: int(*(*uint16)(unsafe.Add(t, maptypeBucketSize))),
		Flags:      *(*uint32)(unsafe.Add(t, maptypeFlags)),
		Hasher:     *(*func(unsafe.Pointer, uintptr) uintptr)(unsafe.Add(t, maptypeHasher)),
	}
	return info, (*Header)(e.data)
}

// Overflow returns the overflow pointer stored at the end of bucket b.
func Overflow(b unsafe.Pointer, bucketSize int) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Add(b, bucketSize-8))
}

// OldBucketCount is the length of the old bucket array while a grow is in progress (0 otherwise).
func (h *Header) OldBucketCount() int {
	if h.Oldbuckets == nil {
		return 0
	}
	if h.Flags&SameSizeGrowFlag != 0 {
		return 1 << h.B
	}
	return 1 << (h.B - 1)
}

// Evacuated reports whether old bucket i has been moved to the new array: the runtime marks
// an evacuated bucket by its first tophash byte (evacuatedX, evacuatedY or evacuatedEmpty).
func (h *Header) Evacuated(i int, bucketSize int) bool {
	top := *(*uint8)(unsafe.Add(h.Oldbuckets, i*bucketSize))
	return top >= evacuatedX && top <= evacuatedEmpty
}
