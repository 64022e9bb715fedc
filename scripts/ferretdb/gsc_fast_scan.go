package sjson

// Fast sjson decoding, the byte scanner and the string cache (gsc_fast.go).

import (
	"bytes"
	"encoding/json"
	"hash/maphash"
	"sync/atomic"
	"unicode/utf8"
)

type gscInternEntry struct {
	s string
	v any
}

const (
	gscInternSize     = 4096
	gscInternKeyMax   = 64
	gscInternValueMax = 32
)

var (
	gscInternTable [gscInternSize]atomic.Pointer[gscInternEntry]
	gscInternSeed  = maphash.MakeSeed()
)

// gscIntern returns the entry for b (raw string contents without escapes, valid UTF-8).
func gscIntern(b []byte) *gscInternEntry {
	if len(b) > gscInternKeyMax {
		s := string(b)
		return &gscInternEntry{s: s, v: s}
	}

	slot := &gscInternTable[maphash.Bytes(gscInternSeed, b)&(gscInternSize-1)]
	if e := slot.Load(); e != nil && e.s == string(b) {
		return e
	}

	s := string(b)
	e := &gscInternEntry{s: s, v: s}
	slot.Store(e)

	return e
}

// gscNumber reads a JSON number (RFC 8259 grammar) at *p; the text is returned for strconv.
func gscNumber(b []byte, p *int) ([]byte, bool) {
	i := *p
	start := i

	if i < len(b) && b[i] == '-' {
		i++
	}

	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return nil, false
	}

	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return nil, false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}

	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return nil, false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}

	*p = i

	return b[start:i], true
}

// gscScanString finds the JSON string starting at b[p] ('"'); e is the index after its closing
// quote; esc says it holds a backslash or a non-ASCII byte (decode it with encoding/json).
// Raw control characters (invalid JSON) are refused.
func gscScanString(b []byte, p int) (s, e int, esc, ok bool) {
	if p >= len(b) || b[p] != '"' {
		return 0, 0, false, false
	}

	i := p + 1
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			return p, i + 1, esc, true
		case c == '\\':
			esc = true
			i += 2

			continue
		case c < 0x20:
			return 0, 0, false, false
		case c >= utf8.RuneSelf:
			esc = true
		}
		i++
	}

	return 0, 0, false, false
}

// gscPlain says the contents of a JSON string are the string itself (no escapes, valid UTF-8).
func gscPlain(inner []byte) bool {
	return bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner)
}

// gscStringFrom decodes a quoted JSON string found by gscScanString.
func gscStringFrom(q []byte, esc bool) (string, bool) {
	if !esc {
		return string(q[1 : len(q)-1]), true
	}

	inner := q[1 : len(q)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}

	// escapes or invalid UTF-8: exactly as encoding/json decodes them
	var s string
	if err := json.Unmarshal(q, &s); err != nil {
		return "", false
	}

	return s, true
}

// gscSkipValue returns the index after the JSON object or array starting at b[p]
// (strings are skipped as such; only structure is checked).
func gscSkipValue(b []byte, p int) (int, bool) {
	if p >= len(b) || b[p] != '{' {
		return 0, false
	}

	depth := 0

	for i := p; i < len(b); i++ {
		switch b[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		case '"':
			_, e, _, ok := gscScanString(b, i)
			if !ok {
				return 0, false
			}
			i = e - 1
		}
	}

	return 0, false
}
