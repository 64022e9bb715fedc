package sjson

// Fast sjson codec (gov-service-cases build 12).
//
// Unmarshal walks the stored bytes once: the schema ($s) and the values are read in lockstep with
// two cursors, without json.Decoder, maps of json.RawMessage or reflection. It accepts only the
// exact shape Marshal writes (no whitespace, $s first, p's keys in $k's order, values in that order,
// each elem exactly as marshalElemForSingleValue writes it); for anything else it returns "not
// handled" and the original implementation (gscUnmarshalOriginal) decodes the whole document, so
// unexpected input gets the original's result or error.
//
// Marshal writes the schema and the values in one pass into two buffers, byte for byte as the
// original (gscMarshalOriginal) does; documents it cannot encode (NaN/±Inf doubles, which the
// original refuses with an error, unknown types, duplicated keys) are handed to the original.
//
// GSC_FERRETDB_FASTCODEC=off (read once at start) makes Unmarshal and Marshal the originals.

import (
	"os"

	"github.com/FerretDB/FerretDB/internal/types"
)

// gscFastCodec is false when GSC_FERRETDB_FASTCODEC=off.
var gscFastCodec = os.Getenv("GSC_FERRETDB_FASTCODEC") != "off"

// Unmarshal decodes sjson bytes into FerretDB document.
func Unmarshal(data []byte) (*types.Document, error) {
	if gscFastCodec {
		if d, ok := gscFastUnmarshal(data); ok {
			return d, nil
		}
	}

	return gscUnmarshalOriginal(data)
}

// Marshal encodes given FerretDB document into sjson.
func Marshal(d *types.Document) ([]byte, error) {
	if gscFastCodec && d != nil {
		if b, ok := gscFastMarshal(d); ok {
			return b, nil
		}
	}

	return gscMarshalOriginal(d)
}
