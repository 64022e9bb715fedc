// Copied by scripts/ensure-ferretdb.sh into FerretDB's internal/bson, whose ToDocument it renames
// gscToDocumentOriginal.
//
// Every command FerretDB reads reaches its handlers through ToDocument, which decoded each level of
// the BSON into a wirebson document (a slice of fields, each value boxed) and then copied that into
// a types document: 17.5 % of FerretDB's CPU while the projector rebuilt its read models, most of
// it the intermediate documents (issue 19). A raw document is now read once, straight into types
// values, with wirebson's bounds and checks. Only a document the original turns into one without
// error is taken; anything else (a decimal128, whose conversion panics; a tag wirebson refuses;
// any malformed byte) goes to the original, which answers as it always did.
// GSC_FERRETDB_FASTBSON=off in FerretDB's environment: the original alone.

package bson

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/FerretDB/wire/wirebson"

	"github.com/FerretDB/FerretDB/internal/types"
)

// gscFastBSON is read once: the environment of a running FerretDB does not change.
var gscFastBSON = os.Getenv("GSC_FERRETDB_FASTBSON") != "off"

// ToDocument converts wirebson document to [*types.Document].
func ToDocument(d wirebson.AnyDocument) (*types.Document, error) {
	if raw, ok := d.(wirebson.RawDocument); ok && gscFastBSON {
		if doc, ok := gscToDocument(raw); ok {
			return doc, nil
		}
	}

	return gscToDocumentOriginal(d)
}

// gscToDocument is what ToDocument makes of raw when that succeeds; false when it would not, or
// when this walk does not take raw.
func gscToDocument(raw []byte) (*types.Document, bool) {
	scratch := gscScratchPool.Get().(*[]any)
	defer gscScratchPool.Put(scratch)

	pairs, ok := gscWalk(raw, false, (*scratch)[:0])
	defer gscKeep(scratch, pairs)

	if !ok {
		return nil, false
	}

	// NewDocument copies the pairs into its own fields.
	doc, err := types.NewDocument(pairs...)
	if err != nil {
		return nil, false
	}

	return doc, true
}

// gscToArray is what ToArray makes of raw when that succeeds.
func gscToArray(raw []byte) (*types.Array, bool) {
	scratch := gscScratchPool.Get().(*[]any)
	defer gscScratchPool.Put(scratch)

	walked, ok := gscWalk(raw, true, (*scratch)[:0])
	defer gscKeep(scratch, walked)

	if !ok {
		return nil, false
	}

	// NewArray keeps the slice it is given: one exactly as long, and never nil, as the original's.
	values := make([]any, len(walked))
	copy(values, walked)

	arr, err := types.NewArray(values...)
	if err != nil {
		return nil, false
	}

	return arr, true
}

// gscScratchPool holds the slices a walk appends to, so that a document's fields are gathered
// without a slice of their own on the heap each time (the walk is recursive, so escape analysis
// could not keep one on the stack).
var gscScratchPool = sync.Pool{New: func() any {
	s := make([]any, 0, 32)
	return &s
}}

// gscKeep readies a scratch slice for the pool: emptied, so that it holds no values alive, and
// kept only while it is small.
func gscKeep(scratch *[]any, used []any) {
	if used == nil { // a walk that failed: whatever it appended is in the scratch slice
		clear((*scratch)[:cap(*scratch)])
		return
	}

	clear(used)

	if cap(used) <= 1024 {
		*scratch = used[:0]
	}
}

// Field names, boxed once: a rebuild's documents repeat a few dozen names, and each was a string
// and an interface allocated per field. A slot holds the last name hashed to it.
const (
	gscNameSlots = 1024
	gscNameMax   = 64
)

type gscName struct {
	s string
	v any
}

var (
	gscNames    [gscNameSlots]atomic.Pointer[gscName]
	gscNameSeed = maphash.MakeSeed()
)

// gscNameOf is name as a string in an interface, shared with earlier fields of that name.
func gscNameOf(name []byte) any {
	if len(name) > gscNameMax {
		return string(name)
	}

	slot := &gscNames[maphash.Bytes(gscNameSeed, name)&(gscNameSlots-1)]
	if e := slot.Load(); e != nil && e.s == string(name) {
		return e.v
	}

	s := string(name)
	e := &gscName{s: s, v: s}
	slot.Store(e)

	return e.v
}

// gscWalk reads a raw document as wirebson's decode does and appends to out each field's name and
// its value converted as convertToTypes converts it; an array's (keys "0", "1", …) values only.
func gscWalk(raw []byte, array bool, out []any) ([]any, bool) {
	n := len(raw)
	// FindRaw and decode's length check: the prefix is the whole length, the last byte 0.
	if n < 5 || int(binary.LittleEndian.Uint32(raw)) != n || raw[n-1] != 0 {
		return nil, false
	}

	offset := 4

	for index := 0; ; index++ {
		if offset >= n {
			return nil, false
		}

		t := raw[offset]
		if t == 0 {
			return out, offset+1 == n
		}

		offset++
		if offset >= n {
			return nil, false
		}

		z := bytes.IndexByte(raw[offset:], 0)
		if z < 0 || (array && !gscIsIndex(raw[offset:offset+z], index)) {
			return nil, false
		}

		name := raw[offset : offset+z]
		offset += z + 1

		v, size, ok := gscValue(raw[offset:], t)
		if !ok {
			return nil, false
		}

		if array {
			out = append(out, v)
		} else {
			out = append(out, gscNameOf(name), v)
		}

		offset += size
	}
}

// gscValue is the value of tag t at the start of b as convertToTypes gives it, and its size, read
// with wirebson's decoders' bounds (the enclosing document's, not the value's).
func gscValue(b []byte, t byte) (any, int, bool) {
	switch t {
	case 0x03, 0x04: // document, array
		if len(b) < 5 {
			return nil, 0, false
		}

		l := int(binary.LittleEndian.Uint32(b))
		if l < 5 || len(b) < l {
			return nil, 0, false
		}

		if t == 0x03 {
			doc, ok := gscToDocument(b[:l])
			return doc, l, ok
		}

		arr, ok := gscToArray(b[:l])

		return arr, l, ok

	case 0x01: // double
		if len(b) < 8 {
			return nil, 0, false
		}

		return math.Float64frombits(binary.LittleEndian.Uint64(b)), 8, true

	case 0x02: // string
		if len(b) < 5 {
			return nil, 0, false
		}

		i := int(binary.LittleEndian.Uint32(b))
		if i < 1 || len(b) < 4+i || b[4+i-1] != 0 {
			return nil, 0, false
		}

		return string(b[4 : 4+i-1]), 4 + i, true

	case 0x05: // binary, never nil (convertToTypes' special case)
		if len(b) < 5 {
			return nil, 0, false
		}

		i := int(binary.LittleEndian.Uint32(b))
		if len(b) < 5+i {
			return nil, 0, false
		}

		bin := types.Binary{B: []byte{}, Subtype: types.BinarySubtype(b[4])}
		if i > 0 {
			bin.B = make([]byte, i)
			copy(bin.B, b[5:5+i])
		}

		return bin, 5 + i, true

	case 0x07: // ObjectID
		if len(b) < 12 {
			return nil, 0, false
		}

		var id types.ObjectID
		copy(id[:], b)

		return id, 12, true

	case 0x08: // bool
		if len(b) < 1 || b[0] > 1 {
			return nil, 0, false
		}

		return b[0] == 1, 1, true

	case 0x09: // datetime
		if len(b) < 8 {
			return nil, 0, false
		}

		return time.UnixMilli(int64(binary.LittleEndian.Uint64(b))).UTC(), 8, true

	case 0x0A: // null
		return types.Null, 0, true

	case 0x0B: // regex: two C strings
		p := bytes.IndexByte(b, 0)
		if p < 0 {
			return nil, 0, false
		}

		o := bytes.IndexByte(b[p+1:], 0)
		if o < 0 {
			return nil, 0, false
		}

		return types.Regex{Pattern: string(b[:p]), Options: string(b[p+1 : p+1+o])}, p + 1 + o + 1, true

	case 0x10: // int32
		if len(b) < 4 {
			return nil, 0, false
		}

		return int32(binary.LittleEndian.Uint32(b)), 4, true

	case 0x11: // timestamp
		if len(b) < 8 {
			return nil, 0, false
		}

		return types.Timestamp(binary.LittleEndian.Uint64(b)), 8, true

	case 0x12: // int64
		if len(b) < 8 {
			return nil, 0, false
		}

		return int64(binary.LittleEndian.Uint64(b)), 8, true
	}

	// decimal128 (convertToTypes panics on it), undefined, DBPointer, JavaScript, symbol, code with
	// scope, min and max keys, unknown tags: the original's answer
	return nil, 0, false
}

// gscIsIndex reports whether name is strconv.Itoa(i), without allocating.
func gscIsIndex(name []byte, i int) bool {
	var buf [20]byte

	return string(name) == string(strconv.AppendInt(buf[:0], int64(i), 10))
}
