package sjson

// Fast sjson encoding (gsc_fast.go).

import (
	"encoding/base64"
	"encoding/hex"
	"math"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/FerretDB/FerretDB/internal/types"
)

// ---------------------------------------------------------------------------------------------
// Marshal

type gscEnc struct {
	s []byte // schema
	v []byte // values
}

var gscEncPool = sync.Pool{New: func() any { return new(gscEnc) }}

func gscFastMarshal(d *types.Document) ([]byte, bool) {
	enc := gscEncPool.Get().(*gscEnc)
	defer gscEncPool.Put(enc)

	enc.s = enc.s[:0]
	enc.v = enc.v[:0]

	keys := d.Keys()
	values := d.Values()

	if len(keys) == 0 {
		enc.s = append(enc.s, `{}`...)
	} else {
		enc.s = append(enc.s, `{"p":{`...)
	}

	for i, key := range keys {
		// the original's schema reads each value with Get (which panics on a duplicated key)
		if i > 0 {
			enc.s = append(enc.s, ',')
		}

		enc.s = gscAppendString(enc.s, key)
		enc.s = append(enc.s, ':')

		// top-level keys are written as they are (not escaped), as the original does
		enc.v = append(enc.v, ',', '"')
		enc.v = append(enc.v, key...)
		enc.v = append(enc.v, '"', ':')

		if !enc.value(values[i]) {
			return nil, false
		}
	}

	enc.keyList(keys)

	if gscHasDuplicates(keys) {
		return nil, false
	}

	res := make([]byte, 0, len(`{"$s":`)+len(enc.s)+len(enc.v)+1)
	res = append(res, `{"$s":`...)
	res = append(res, enc.s...)
	res = append(res, enc.v...)
	res = append(res, '}')

	if cap(enc.s) > 1<<20 {
		enc.s = nil
	}
	if cap(enc.v) > 1<<20 {
		enc.v = nil
	}

	return res, true
}

func gscHasDuplicates(keys []string) bool {
	if len(keys) < 2 {
		return false
	}

	if len(keys) <= 32 {
		for i := 1; i < len(keys); i++ {
			for j := 0; j < i; j++ {
				if keys[i] == keys[j] {
					return true
				}
			}
		}

		return false
	}

	seen := make(map[string]struct{}, len(keys))
	for _, k := range keys {
		if _, ok := seen[k]; ok {
			return true
		}
		seen[k] = struct{}{}
	}

	return false
}

// value appends v's schema elem to enc.s and its value to enc.v.
func (enc *gscEnc) value(v any) bool {
	switch v := v.(type) {
	case *types.Document:
		keys := v.Keys()
		if gscHasDuplicates(keys) {
			return false
		}

		values := v.Values()

		enc.s = append(enc.s, `{"t":"object","$s":`...)
		if len(keys) == 0 {
			enc.s = append(enc.s, `{}`...)
		} else {
			enc.s = append(enc.s, `{"p":{`...)
		}

		enc.v = append(enc.v, '{')

		for i, key := range keys {
			if i > 0 {
				enc.s = append(enc.s, ',')
				enc.v = append(enc.v, ',')
			}

			enc.s = gscAppendString(enc.s, key)
			enc.s = append(enc.s, ':')
			enc.v = gscAppendString(enc.v, key)
			enc.v = append(enc.v, ':')

			if !enc.value(values[i]) {
				return false
			}
		}

		enc.keyList(keys)

		enc.s = append(enc.s, '}')
		enc.v = append(enc.v, '}')

	case *types.Array:
		enc.s = append(enc.s, `{"t":"array","i":[`...)
		enc.v = append(enc.v, '[')

		n := v.Len()
		for i := 0; i < n; i++ {
			if i > 0 {
				enc.s = append(enc.s, ',')
				enc.v = append(enc.v, ',')
			}

			el, err := v.Get(i)
			if err != nil {
				return false
			}

			if !enc.value(el) {
				return false
			}
		}

		enc.s = append(enc.s, `]}`...)
		enc.v = append(enc.v, ']')

	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return false // the original returns json's error
		}

		enc.s = append(enc.s, `{"t":"double"}`...)
		enc.v = gscAppendFloat(enc.v, v)

	case string:
		enc.s = append(enc.s, `{"t":"string"}`...)
		enc.v = gscAppendString(enc.v, v)

	case types.Binary:
		enc.s = append(enc.s, `{"t":"binData","s":`...)
		enc.s = strconv.AppendUint(enc.s, uint64(v.Subtype), 10)
		enc.s = append(enc.s, '}')

		if v.B == nil {
			enc.v = append(enc.v, "null"...)
		} else {
			enc.v = append(enc.v, '"')
			enc.v = base64.StdEncoding.AppendEncode(enc.v, v.B)
			enc.v = append(enc.v, '"')
		}

	case types.ObjectID:
		enc.s = append(enc.s, `{"t":"objectId"}`...)
		enc.v = append(enc.v, '"')
		enc.v = hex.AppendEncode(enc.v, v[:])
		enc.v = append(enc.v, '"')

	case bool:
		enc.s = append(enc.s, `{"t":"bool"}`...)
		enc.v = strconv.AppendBool(enc.v, v)

	case time.Time:
		enc.s = append(enc.s, `{"t":"date"}`...)
		enc.v = strconv.AppendInt(enc.v, v.UnixMilli(), 10)

	case types.NullType:
		enc.s = append(enc.s, `{"t":"null"}`...)
		enc.v = append(enc.v, "null"...)

	case types.Regex:
		enc.s = append(enc.s, `{"t":"regex","o":`...)
		enc.s = gscAppendString(enc.s, v.Options)
		enc.s = append(enc.s, '}')
		enc.v = gscAppendString(enc.v, v.Pattern)

	case int32:
		enc.s = append(enc.s, `{"t":"int"}`...)
		enc.v = strconv.AppendInt(enc.v, int64(v), 10)

	case types.Timestamp:
		enc.s = append(enc.s, `{"t":"timestamp"}`...)
		enc.v = strconv.AppendUint(enc.v, uint64(v), 10)

	case int64:
		enc.s = append(enc.s, `{"t":"long"}`...)
		enc.v = strconv.AppendInt(enc.v, v, 10)

	default:
		return false // the original panics
	}

	return true
}

// gscAppendFloat is encoding/json's float64 encoding (finite values).
func gscAppendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')

	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}

	b = strconv.AppendFloat(b, f, format, -1, 64)

	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}

	return b
}

const gscHex = "0123456789abcdef"

// gscAppendString is encoding/json's string encoding with HTML escaping (json.Marshal's default).
func gscAppendString(dst []byte, src string) []byte {
	dst = append(dst, '"')
	start := 0

	for i := 0; i < len(src); {
		if b := src[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}

			dst = append(dst, src[start:i]...)

			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', gscHex[b>>4], gscHex[b&0xF])
			}

			i++
			start = i

			continue
		}

		c, size := utf8.DecodeRuneInString(src[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, src[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i

			continue
		}

		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, src[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', gscHex[c&0xF])
			i += size
			start = i

			continue
		}

		i += size
	}

	dst = append(dst, src[start:]...)
	dst = append(dst, '"')

	return dst
}

// keyList closes a schema's properties and writes its key list ("$k"), as the original does for a
// non-empty document.
func (enc *gscEnc) keyList(keys []string) {
	if len(keys) == 0 {
		return
	}

	enc.s = append(enc.s, `},"$k":[`...)
	for i, key := range keys {
		if i > 0 {
			enc.s = append(enc.s, ',')
		}
		enc.s = gscAppendString(enc.s, key)
	}
	enc.s = append(enc.s, `]}`...)
}
