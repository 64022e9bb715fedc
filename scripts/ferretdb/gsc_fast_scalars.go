package sjson

// Fast sjson decoding, the scalar parts of an element: binData subtypes, numbers and strings
// (gsc_fast.go, gsc_fast_elements.go); copied into internal/handler/sjson by
// scripts/ensure-ferretdb.sh.

import (
	"math"
	"strconv"

	"github.com/FerretDB/FerretDB/internal/types"
)

// subtype reads `,"s":N}` of a binData elem.
func (dec *gscDec) subtype() (types.BinarySubtype, bool) {
	if !dec.sLit(`,"s":`) {
		return 0, false
	}

	s, ok := gscNumber(dec.s, &dec.sp)
	if !ok {
		return 0, false
	}

	u, err := strconv.ParseUint(string(s), 10, 8)
	if err != nil {
		return 0, false
	}

	if !dec.sLit(`}`) {
		return 0, false
	}

	return types.BinarySubtype(u), true
}

func (dec *gscDec) number() ([]byte, bool) {
	return gscNumber(dec.v, &dec.vp)
}

// gscParseInt parses a JSON integer as strconv.ParseInt(s, 10, bits) does; ok is false on any
// error (fractions, exponents, overflow).
func gscParseInt(b []byte, bits int) (int64, bool) {
	neg := false
	d := b
	if len(d) > 0 && d[0] == '-' {
		neg = true
		d = d[1:]
	}

	if len(d) == 0 || len(d) > 18 {
		i, err := strconv.ParseInt(string(b), 10, bits)
		return i, err == nil
	}

	var n int64
	for _, c := range d {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}

	if neg {
		n = -n
	}

	if bits == 32 && (n < math.MinInt32 || n > math.MaxInt32) {
		return 0, false
	}

	return n, true
}

func (dec *gscDec) vString() (any, bool) {
	vs, ve, esc, ok := gscScanString(dec.v, dec.vp)
	if !ok {
		return nil, false
	}
	dec.vp = ve

	if ve-vs-2 <= gscInternValueMax && (!esc || gscPlain(dec.v[vs+1:ve-1])) {
		return gscIntern(dec.v[vs+1 : ve-1]).v, true
	}

	s, ok := gscStringFrom(dec.v[vs:ve], esc)
	if !ok {
		return nil, false
	}

	return s, true
}

// gscInternEntry is a string and the same string boxed: keys and short string values repeat from
// one document to the next (field names, statuses), so they are taken from a small lock-free
// cache instead of being allocated (and boxed) again. Strings are immutable, so sharing them is
// invisible to callers.

// closedNumber reads the end of a scalar's schema entry (`}`) and then its value, a JSON number.
func (dec *gscDec) closedNumber() ([]byte, bool) {
	if !dec.sLit(`}`) {
		return nil, false
	}

	return dec.number()
}
