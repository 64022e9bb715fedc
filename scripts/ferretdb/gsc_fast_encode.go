package sjson

// Fast sjson encoding (gsc_fast.go).

import (
	"encoding/base64"
	"encoding/hex"
	"math"
	"strconv"
	"sync"
	"time"

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
