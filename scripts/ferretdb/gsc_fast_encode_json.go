package sjson

// Fast sjson encoding, numbers and strings written as encoding/json writes them (gsc_fast.go,
// gsc_fast_encode.go); copied into internal/handler/sjson by scripts/ensure-ferretdb.sh.

import (
	"math"
	"strconv"
	"unicode/utf8"
)

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
