package sjson

// Fast sjson decoding, each element type (gsc_fast.go).

import (
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/FerretDB/FerretDB/internal/types"
)

func (dec *gscDec) elemValue() (any, bool) {
	if !dec.sLit(`{"t":"`) {
		return nil, false
	}

	ts := dec.sp
	for dec.sp < len(dec.s) && dec.s[dec.sp] != '"' {
		dec.sp++
	}
	if dec.sp >= len(dec.s) {
		return nil, false
	}
	t := dec.s[ts:dec.sp]
	dec.sp++

	// null value: the original returns null whatever the schema says (after decoding it);
	// Marshal writes null for null and for binData with nil bytes
	if dec.vLit("null") {
		switch string(t) {
		case "null":
			if !dec.sLit(`}`) {
				return nil, false
			}
		case "binData":
			if _, ok := dec.subtype(); !ok {
				return nil, false
			}
		default:
			return nil, false
		}

		return types.Null, true
	}

	switch string(t) {
	case "object":
		if !dec.sLit(`,"$s":`) {
			return nil, false
		}

		// empty document value: the original ignores the schema; Marshal writes {}
		if dec.vLit("{}") {
			if !dec.sLit(`{}}`) {
				return nil, false
			}

			return &types.Document{}, true
		}

		d, ok := dec.docBody(false)
		if !ok || !dec.sLit(`}`) {
			return nil, false
		}

		return d, true

	case "array":
		if !dec.sLit(`,"i":[`) {
			return nil, false
		}

		if dec.vp >= len(dec.v) || dec.v[dec.vp] != '[' {
			return nil, false
		}
		dec.vp++

		if dec.vLit("]") {
			if !dec.sLit(`]}`) {
				return nil, false
			}

			return new(types.Array), true
		}

		var buf [16]any
		vals := buf[:0]

		for i := 0; ; i++ {
			if i > 0 {
				if dec.vLit("]") {
					break
				}

				if !dec.vLit(",") || !dec.sLit(",") {
					return nil, false
				}
			}

			v, ok := dec.elemValue()
			if !ok {
				return nil, false
			}

			vals = append(vals, v)
		}

		if !dec.sLit(`]}`) {
			return nil, false
		}

		// as the original's MakeArray(n) and n Appends: a slice of length and capacity n
		items := make([]any, len(vals))
		copy(items, vals)

		a, err := types.NewArray(items...)
		if err != nil {
			return nil, false
		}

		return a, true

	case "double":
		s, ok := dec.closedNumber()
		if !ok {
			return nil, false
		}

		f, err := strconv.ParseFloat(string(s), 64)
		if err != nil {
			return nil, false
		}

		return f, true

	case "string":
		if !dec.sLit(`}`) {
			return nil, false
		}

		return dec.vString()

	case "binData":
		st, ok := dec.subtype()
		if !ok {
			return nil, false
		}

		vs, ve, esc, ok := gscScanString(dec.v, dec.vp)
		if !ok || esc {
			return nil, false
		}
		dec.vp = ve

		src := dec.v[vs+1 : ve-1]
		b := make([]byte, base64.StdEncoding.DecodedLen(len(src)))
		n, err := base64.StdEncoding.Decode(b, src)
		if err != nil {
			return nil, false
		}

		return types.Binary{B: b[:n], Subtype: st}, true

	case "objectId":
		if !dec.sLit(`}`) {
			return nil, false
		}

		vs, ve, esc, ok := gscScanString(dec.v, dec.vp)
		if !ok || esc || ve-vs != 2+2*types.ObjectIDLen {
			return nil, false
		}
		dec.vp = ve

		var id types.ObjectID
		if _, err := hex.Decode(id[:], dec.v[vs+1:ve-1]); err != nil {
			return nil, false
		}

		return id, true

	case "bool":
		if !dec.sLit(`}`) {
			return nil, false
		}

		if dec.vLit("true") {
			return true, true
		}

		if dec.vLit("false") {
			return false, true
		}

		return nil, false

	case "date":
		s, ok := dec.closedNumber()
		if !ok {
			return nil, false
		}

		ms, ok := gscParseInt(s, 64)
		if !ok {
			return nil, false
		}

		return time.UnixMilli(ms), true

	case "regex":
		if !dec.sLit(`,"o":`) {
			return nil, false
		}

		os, oe, oesc, ok := gscScanString(dec.s, dec.sp)
		if !ok {
			return nil, false
		}
		dec.sp = oe

		opts, ok := gscStringFrom(dec.s[os:oe], oesc)
		if !ok || !dec.sLit(`}`) {
			return nil, false
		}

		pat, ok := dec.vString()
		if !ok {
			return nil, false
		}

		return types.Regex{Pattern: pat.(string), Options: opts}, true

	case "int":
		s, ok := dec.closedNumber()
		if !ok {
			return nil, false
		}

		i, ok := gscParseInt(s, 32)
		if !ok {
			return nil, false
		}

		return int32(i), true

	case "timestamp":
		s, ok := dec.closedNumber()
		if !ok {
			return nil, false
		}

		u, err := strconv.ParseUint(string(s), 10, 64)
		if err != nil {
			return nil, false
		}

		return types.Timestamp(u), true

	case "long":
		s, ok := dec.closedNumber()
		if !ok {
			return nil, false
		}

		i, ok := gscParseInt(s, 64)
		if !ok {
			return nil, false
		}

		return i, true
	}

	// "null" with a non-null value (an error in the original), unknown types
	return nil, false
}
