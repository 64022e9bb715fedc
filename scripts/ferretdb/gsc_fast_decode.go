package sjson

// Fast sjson decoding, documents (gsc_fast.go).

import (
	"bytes"

	"github.com/FerretDB/FerretDB/internal/types"
)

// ---------------------------------------------------------------------------------------------
// Unmarshal

type gscDec struct {
	s  []byte // schema cursor: data, position sp
	v  []byte // values cursor: data, position vp
	sp int
	vp int
}

func gscFastUnmarshal(data []byte) (*types.Document, bool) {
	const prefix = `{"$s":`
	if !bytes.HasPrefix(data, []byte(prefix)) {
		return nil, false
	}

	schStart := len(prefix)
	schEnd, ok := gscSkipValue(data, schStart)
	if !ok {
		return nil, false
	}

	dec := gscDec{s: data, sp: schStart, v: data, vp: schEnd}

	// top level: schema {} or {"p":{...},"$k":[...]}; values ,"k":v ... }
	if dec.sp+2 == schEnd && data[dec.sp] == '{' && data[dec.sp+1] == '}' {
		// empty schema: the document must have no other field
		if schEnd+1 != len(data) || data[schEnd] != '}' {
			return nil, false
		}

		return new(types.Document), true
	}

	d, ok := dec.docBody(true)
	if !ok {
		return nil, false
	}

	if dec.sp != schEnd || dec.vp != len(data)-1 || data[dec.vp] != '}' {
		return nil, false
	}

	return d, true
}

// docBody reads a non-empty schema `{"p":{...},"$k":[...]}` at sp in lockstep with the values:
// at top level `,"k":v,...` (the caller checks the final '}'), nested `{"k":v,...}` (consumed).
// The document is built as the original builds it (types.NewDocument, then Set for each key, no
// key twice: the same keys map and fields), with types.NewDocument(pairs...) at once.
func (dec *gscDec) docBody(top bool) (*types.Document, bool) {
	const p = `{"p":{`
	if !dec.sLit(p) {
		return nil, false
	}

	if !top {
		if !gscSkipByte(dec.v, &dec.vp, '{') {
			return nil, false
		}
	}

	var keysBuf [32]string
	var pairsBuf [64]any
	keys := keysBuf[:0]
	pairs := pairsBuf[:0]

	for n := 0; ; n++ {
		if n > 0 {
			if dec.sp < len(dec.s) && dec.s[dec.sp] == ',' {
				dec.sp++
			} else {
				break
			}
		}

		// schema key
		ks, ke, kesc, ok := gscScanString(dec.s, dec.sp)
		if !ok {
			return nil, false
		}
		dec.sp = ke
		if !gscSkipByte(dec.s, &dec.sp, ':') {
			return nil, false
		}

		// value key
		if top || n > 0 {
			if !gscSkipByte(dec.v, &dec.vp, ',') {
				return nil, false
			}
		}
		vs, ve, vesc, ok := gscScanString(dec.v, dec.vp)
		if !ok {
			return nil, false
		}
		dec.vp = ve
		if !gscSkipByte(dec.v, &dec.vp, ':') {
			return nil, false
		}

		var key string
		var keyAny any

		kesc = kesc && !gscPlain(dec.s[ks+1:ke-1])
		vesc = vesc && !gscPlain(dec.v[vs+1:ve-1])

		if !kesc {
			e := gscIntern(dec.s[ks+1 : ke-1])
			key, keyAny = e.s, e.v
		} else {
			if key, ok = gscStringFrom(dec.s[ks:ke], true); !ok {
				return nil, false
			}
			keyAny = key
		}

		if top && key == "$s" { // a "$s" field: the original's map keeps the last one
			return nil, false
		}

		if !kesc && !vesc {
			if !bytes.Equal(dec.s[ks:ke], dec.v[vs:ve]) {
				return nil, false
			}
		} else {
			vkey, ok := gscStringFrom(dec.v[vs:ve], vesc)
			if !ok || vkey != key {
				return nil, false
			}
		}

		val, ok := dec.elemValue()
		if !ok {
			return nil, false
		}

		keys = append(keys, key)
		pairs = append(pairs, keyAny, val)
	}

	// end of p, then $k in the same order
	if !dec.sLit(`},"$k":[`) {
		return nil, false
	}

	for i := range keys {
		if i > 0 {
			if !gscSkipByte(dec.s, &dec.sp, ',') {
				return nil, false
			}
		}

		ks, ke, kesc, ok := gscScanString(dec.s, dec.sp)
		if !ok {
			return nil, false
		}
		dec.sp = ke

		if kesc {
			k, ok := gscStringFrom(dec.s[ks:ke], true)
			if !ok || k != keys[i] {
				return nil, false
			}
		} else if string(dec.s[ks+1:ke-1]) != keys[i] {
			return nil, false
		}
	}

	if !dec.sLit(`]}`) {
		return nil, false
	}

	if !top {
		if !gscSkipByte(dec.v, &dec.vp, '}') {
			return nil, false
		}
	}

	// a key twice: the original decodes through a map (and then fails)
	if gscHasDuplicates(keys) {
		return nil, false
	}

	d, err := types.NewDocument(pairs...)
	if err != nil {
		return nil, false
	}

	return d, true
}

func (dec *gscDec) sLit(lit string) bool {
	if len(dec.s)-dec.sp < len(lit) || string(dec.s[dec.sp:dec.sp+len(lit)]) != lit {
		return false
	}

	dec.sp += len(lit)

	return true
}

func (dec *gscDec) vLit(lit string) bool {
	if len(dec.v)-dec.vp < len(lit) || string(dec.v[dec.vp:dec.vp+len(lit)]) != lit {
		return false
	}

	dec.vp += len(lit)

	return true
}

// elemValue reads one schema elem at sp and its value at vp.

// gscSkipByte steps over the byte c at *p, or says there is none.
func gscSkipByte(b []byte, p *int, c byte) bool {
	if *p >= len(b) || b[*p] != c {
		return false
	}
	*p++

	return true
}
