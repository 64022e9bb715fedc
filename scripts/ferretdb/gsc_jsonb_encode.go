// gov-service-cases: documents turned into SQLite's binary JSON (JSONB) in Go (build 20, issue 19),
// copied into internal/backends/sqlite by scripts/ensure-ferretdb.sh.
//
// Build 17 stores documents as JSONB by writing their sjson text through SQLite's jsonb(), and that
// parse was about a sixth of FerretDB's CPU in a rebuild: SQLite here is C translated to Go, so its
// parser is slow. The text sjson writes is plain RFC 8259 JSON (no spaces, numbers as encoding/json
// writes them), which turns into JSONB in one pass. The statements keep jsonb(?): given JSONB,
// jsonb() checks its outer header and hands it on; given text (old tables never get here, see
// gscDocumentArgs), it parses as before. gsc_jsonb_encode_test.go checks the bytes against
// SQLite's own jsonb() for random documents.

package sqlite

import (
	"errors"
)

// JSONB element types (SQLite's doc/jsonb.md).
const (
	gscJBNull  = 0x0
	gscJBTrue  = 0x1
	gscJBFalse = 0x2
	gscJBInt   = 0x3
	gscJBFloat = 0x5
	gscJBText  = 0x7
	gscJBTextJ = 0x8
	gscJBArray = 0xb
	gscJBObj   = 0xc
)

// gscErrNotPlainJSON: the text has something this encoder leaves to SQLite (JSON5, spaces, control
// characters, a malformed value); the caller then sends the text itself.
var gscErrNotPlainJSON = errors.New("gsc jsonb: not plain JSON")

// gscDocumentArgs turns an insert's documents (its string arguments; record ids are numbers) into
// JSONB when the table takes JSONB (gscStoresJSONB: tables of builds before 17 take text only).
func gscDocumentArgs(args []any, jsonb bool) []any {
	if !jsonb {
		return args
	}

	for i, arg := range args {
		if text, ok := arg.(string); ok {
			args[i] = gscDocumentArg(text, jsonb)
		}
	}

	return args
}

// gscDocumentArg: one document for jsonb(?), as JSONB if the table takes it and the encoder does;
// otherwise its text, which jsonb(?) parses as before.
func gscDocumentArg(text string, jsonb bool) any {
	if !jsonb {
		return text
	}

	b, err := gscJSONB(make([]byte, 0, len(text)), text)
	if err != nil {
		return text
	}

	return b
}

// gscJSONB appends the JSONB of one JSON text to dst.
func gscJSONB(dst []byte, text string) ([]byte, error) {
	e := gscJSONBEncoder{text: text, out: dst}
	if err := e.value(); err != nil {
		return nil, err
	}

	if e.pos != len(text) {
		return nil, gscErrNotPlainJSON
	}

	return e.out, nil
}

type gscJSONBEncoder struct {
	text string
	pos  int
	out  []byte
}

func (e *gscJSONBEncoder) value() error {
	if e.pos >= len(e.text) {
		return gscErrNotPlainJSON
	}

	switch c := e.text[e.pos]; {
	case c == '{':
		return e.container('}', gscJBObj)
	case c == '[':
		return e.container(']', gscJBArray)
	case c == '"':
		return e.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return e.number()
	default:
		return e.literal()
	}
}

func (e *gscJSONBEncoder) literal() error {
	for _, l := range [...]struct {
		word string
		typ  byte
	}{{"null", gscJBNull}, {"true", gscJBTrue}, {"false", gscJBFalse}} {
		if len(e.text)-e.pos >= len(l.word) && e.text[e.pos:e.pos+len(l.word)] == l.word {
			e.pos += len(l.word)
			e.out = append(e.out, l.typ)

			return nil
		}
	}

	return gscErrNotPlainJSON
}

// container writes an object or an array: a five-byte header first (its size unknown yet), then
// the elements, then the header shrunk to the smallest that holds the size, as SQLite's own parser
// leaves it (jsonBlobChangePayloadSize).
func (e *gscJSONBEncoder) container(closing byte, typ byte) error {
	start := len(e.out)
	e.out = append(e.out, 0, 0, 0, 0, 0)
	e.pos++

	object := typ == gscJBObj

	for n := 0; ; n++ {
		if e.pos >= len(e.text) {
			return gscErrNotPlainJSON
		}

		if e.text[e.pos] == closing {
			e.pos++
			break
		}

		if n > 0 {
			if e.text[e.pos] != ',' {
				return gscErrNotPlainJSON
			}
			e.pos++
		}

		if object {
			if e.pos >= len(e.text) || e.text[e.pos] != '"' {
				return gscErrNotPlainJSON
			}

			if err := e.str(); err != nil {
				return err
			}

			if e.pos >= len(e.text) || e.text[e.pos] != ':' {
				return gscErrNotPlainJSON
			}
			e.pos++
		}

		if err := e.value(); err != nil {
			return err
		}
	}

	var buf [5]byte
	header := gscAppendJBHeader(buf[:0], typ, len(e.out)-start-5)
	shift := 5 - len(header)
	copy(e.out[start:], header)

	if shift > 0 {
		copy(e.out[start+len(header):], e.out[start+5:])
		e.out = e.out[:len(e.out)-shift]
	}

	return nil
}

// gscAppendJBHeader appends the smallest header for a payload of size bytes (SQLite's
// jsonBlobAppendNode).
func gscAppendJBHeader(dst []byte, typ byte, size int) []byte {
	switch {
	case size <= 11:
		return append(dst, typ|byte(size)<<4)
	case size <= 0xff:
		return append(dst, typ|0xc0, byte(size))
	case size <= 0xffff:
		return append(dst, typ|0xd0, byte(size>>8), byte(size))
	default:
		return append(dst, typ|0xe0, byte(size>>24), byte(size>>16), byte(size>>8), byte(size))
	}
}

// gscJBPlain: the bytes a string's text holds as they are (not a quote, a backslash or a control
// character).
var gscJBPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}

	return
}()

// str writes a string's text between its quotes: TEXT without a backslash, TEXTJ with one.
func (e *gscJSONBEncoder) str() error {
	i := e.pos + 1
	typ := byte(gscJBText)

	for {
		for i < len(e.text) && gscJBPlain[e.text[i]] {
			i++
		}

		if i >= len(e.text) || e.text[i] < 0x20 {
			return gscErrNotPlainJSON
		}

		if e.text[i] == '"' {
			break
		}

		// A backslash: the escapes of RFC 8259 only.
		if i+1 >= len(e.text) {
			return gscErrNotPlainJSON
		}

		switch e.text[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			if i+5 >= len(e.text) || !gscHex4(e.text[i+2:i+6]) {
				return gscErrNotPlainJSON
			}
			i += 6
		default:
			return gscErrNotPlainJSON
		}

		typ = gscJBTextJ
	}

	e.out = gscAppendJBHeader(e.out, typ, i-e.pos-1)
	e.out = append(e.out, e.text[e.pos+1:i]...)
	e.pos = i + 1

	return nil
}

func gscHex4(s string) bool {
	for i := 0; i < 4; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}

	return true
}

// number writes an RFC 8259 number's text: INT without a fraction or an exponent, FLOAT with one.
func (e *gscJSONBEncoder) number() error {
	i := e.pos
	if e.text[i] == '-' {
		i++
	}

	digits := func() int {
		n := 0
		for i < len(e.text) && e.text[i] >= '0' && e.text[i] <= '9' {
			i++
			n++
		}

		return n
	}

	first := i
	if n := digits(); n == 0 || (n > 1 && e.text[first] == '0') {
		return gscErrNotPlainJSON
	}

	typ := byte(gscJBInt)

	if i < len(e.text) && e.text[i] == '.' {
		i++
		if digits() == 0 {
			return gscErrNotPlainJSON
		}
		typ = gscJBFloat
	}

	if i < len(e.text) && (e.text[i] == 'e' || e.text[i] == 'E') {
		i++
		if i < len(e.text) && (e.text[i] == '+' || e.text[i] == '-') {
			i++
		}
		if digits() == 0 {
			return gscErrNotPlainJSON
		}
		typ = gscJBFloat
	}

	e.out = gscAppendJBHeader(e.out, typ, i-e.pos)
	e.out = append(e.out, e.text[e.pos:i]...)
	e.pos = i

	return nil
}
