// Copied by scripts/ensure-ferretdb.sh into FerretDB's wire module (github.com/FerretDB/wire v0.0.8,
// used through a replace directive), whose check, renamed gscCheckOriginal, this file replaces.
//
// FerretDB sets CheckNaNs, so every message it reads (and every reply it builds) had each section
// document decoded deeply into wirebson documents only to be thrown away after a look at its
// doubles: 8.7 % of FerretDB's CPU while the projector rebuilt its read models (issue 19). The
// walk below reads the same bytes with the same bounds and allocates nothing. It only ever says
// "fine"; anything it does not take (and any doubt) goes to the original, which builds the error,
// so the answers are the original's. GSC_FERRETDB_FASTBSON=off in FerretDB's environment: the
// original alone.

package wire

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"strconv"
)

// gscFastCheck is read once: the environment of a running FerretDB does not change.
var gscFastCheck = os.Getenv("GSC_FERRETDB_FASTBSON") != "off"

func (msg *OpMsg) check() error {
	if !gscFastCheck {
		return msg.gscCheckOriginal()
	}

	for _, s := range msg.sections {
		for _, d := range s.documents {
			if !gscValidDeep(d, false, CheckNaNs) {
				return msg.gscCheckOriginal()
			}
		}
	}

	return nil
}

// gscValidDeep reports whether raw.DecodeDeep() would succeed (raw as an array: RawArray's, whose
// keys must be "0", "1", …) and, with noNaN, whether no double in it is NaN.
func gscValidDeep(raw []byte, array, noNaN bool) bool {
	n := len(raw)
	// FindRaw and decode's length check: the prefix is the whole length, the last byte 0.
	if n < 5 || int(binary.LittleEndian.Uint32(raw)) != n || raw[n-1] != 0 {
		return false
	}

	offset := 4

	for index := 0; ; index++ {
		if offset >= n {
			return false
		}

		t := raw[offset]
		if t == 0 {
			return offset+1 == n
		}

		offset++
		if offset >= n {
			return false
		}

		z := bytes.IndexByte(raw[offset:], 0)
		if z < 0 || (array && !gscIsIndex(raw[offset:offset+z], index)) {
			return false
		}

		offset += z + 1
		b := raw[offset:]

		size, ok := gscValueSize(b, t, noNaN)
		if !ok {
			return false
		}

		offset += size
	}
}

// gscValueSize is the size of the value of tag t at the start of b, as wirebson's decoders read
// it (their bounds are the enclosing document's, not the value's), and whether it decodes.
func gscValueSize(b []byte, t byte, noNaN bool) (int, bool) {
	switch t {
	case 0x03, 0x04: // document, array
		if len(b) < 5 {
			return 0, false
		}

		l := int(binary.LittleEndian.Uint32(b))
		if l < 5 || len(b) < l || !gscValidDeep(b[:l], t == 0x04, noNaN) {
			return 0, false
		}

		return l, true

	case 0x01: // double
		if len(b) < 8 || (noNaN && math.IsNaN(math.Float64frombits(binary.LittleEndian.Uint64(b)))) {
			return 0, false
		}

		return 8, true

	case 0x02: // string
		if len(b) < 5 {
			return 0, false
		}

		i := int(binary.LittleEndian.Uint32(b))
		if i < 1 || len(b) < 4+i || b[4+i-1] != 0 {
			return 0, false
		}

		return 4 + i, true

	case 0x05: // binary
		if len(b) < 5 {
			return 0, false
		}

		i := int(binary.LittleEndian.Uint32(b))
		if len(b) < 5+i {
			return 0, false
		}

		return 5 + i, true

	case 0x07: // ObjectID
		return 12, len(b) >= 12

	case 0x08: // bool
		return 1, len(b) >= 1 && b[0] <= 1

	case 0x09, 0x11, 0x12: // datetime, timestamp, int64
		return 8, len(b) >= 8

	case 0x0A: // null
		return 0, true

	case 0x0B: // regex: two C strings
		p := bytes.IndexByte(b, 0)
		if p < 0 {
			return 0, false
		}

		o := bytes.IndexByte(b[p+1:], 0)
		if o < 0 {
			return 0, false
		}

		return p + 1 + o + 1, true

	case 0x10: // int32
		return 4, len(b) >= 4

	case 0x13: // decimal128
		return 16, len(b) >= 16
	}

	// undefined, DBPointer, JavaScript, symbol, code with scope, min and max keys, unknown tags
	return 0, false
}

// gscIsIndex reports whether name is strconv.Itoa(i), without allocating.
func gscIsIndex(name []byte, i int) bool {
	var buf [20]byte

	return string(name) == string(strconv.AppendInt(buf[:0], int64(i), 10))
}
