// Random BSON for the fast BSON paths' tests: copied by scripts/ensure-ferretdb.sh into FerretDB's
// internal/bson (package bson) and into the wire module (package wire; the package line is
// rewritten), beside gsc_bson_fast_test.go and gsc_wire_check_test.go.

package bson

import (
	"encoding/binary"
	"math"
	"math/rand"
	"strconv"
	"time"

	"github.com/FerretDB/wire/wirebson"
)

type gscBSONGen struct {
	r *rand.Rand
}

var gscBSONStrings = []string{
	"", "a", "_id", "张三", "营业执照办理", "emoji 😀", "invalid \xff\xfe utf8", "$set", "0", "1", "10",
}

func (g *gscBSONGen) key() string {
	if g.r.Intn(3) == 0 {
		return "k" + strconv.Itoa(g.r.Intn(8)) // repeated keys happen, as BSON allows
	}

	s := gscBSONStrings[g.r.Intn(len(gscBSONStrings))]
	if s == "" || g.r.Intn(2) == 0 {
		return s + strconv.Itoa(g.r.Intn(100))
	}

	return s
}

func (g *gscBSONGen) scalar(decimals, nans bool) any {
	r := g.r
	switch r.Intn(15) {
	case 0:
		floats := []float64{0, math.Copysign(0, -1), 1.5, -3, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1)}
		if nans {
			floats = append(floats, math.NaN())
		}
		return floats[r.Intn(len(floats))]
	case 1:
		return r.NormFloat64() * 1e6
	case 2:
		return gscBSONStrings[r.Intn(len(gscBSONStrings))] + g.key()
	case 3:
		b := make([]byte, r.Intn(4)*r.Intn(5))
		r.Read(b)
		return wirebson.Binary{B: b, Subtype: wirebson.BinarySubtype(r.Intn(9))}
	case 4:
		var id wirebson.ObjectID
		r.Read(id[:])
		return id
	case 5:
		return r.Intn(2) == 0
	case 6:
		return time.UnixMilli(r.Int63n(1<<45) - 1<<44).UTC()
	case 7:
		return wirebson.Null
	case 8:
		return wirebson.Regex{Pattern: g.key(), Options: []string{"", "i", "ms"}[r.Intn(3)]}
	case 9:
		return int32(r.Uint32())
	case 10:
		return wirebson.Timestamp(r.Uint64())
	case 11:
		return int64(r.Uint64())
	case 12:
		if decimals {
			return wirebson.Decimal128{L: r.Uint64(), H: r.Uint64()}
		}
		return int64(r.Intn(100))
	default:
		return strconv.Itoa(r.Intn(1000))
	}
}

func (g *gscBSONGen) value(depth int, decimals, nans bool) any {
	if depth < 4 {
		switch g.r.Intn(6) {
		case 0:
			return g.document(depth+1, decimals, nans)
		case 1:
			arr := wirebson.MakeArray(0)
			for range g.r.Intn(5) {
				if err := arr.Add(g.value(depth+1, decimals, nans)); err != nil {
					panic(err)
				}
			}
			return arr
		}
	}

	return g.scalar(decimals, nans)
}

func (g *gscBSONGen) document(depth int, decimals, nans bool) *wirebson.Document {
	doc := wirebson.MakeDocument(0)
	for range g.r.Intn(8) {
		if err := doc.Add(g.key(), g.value(depth, decimals, nans)); err != nil {
			panic(err)
		}
	}
	return doc
}

// raw encodes a random document; with decimals and NaNs only when asked.
func (g *gscBSONGen) raw(decimals, nans bool) []byte {
	raw, err := g.document(0, decimals, nans).Encode()
	if err != nil {
		panic(err)
	}
	return raw
}

// mutate alters valid bytes as a broken or hostile client would: a byte, a length, a tag, the end.
func (g *gscBSONGen) mutate(raw []byte) []byte {
	r := g.r
	b := append([]byte(nil), raw...)
	switch r.Intn(5) {
	case 0:
		b[r.Intn(len(b))] = byte(r.Intn(256))
	case 1:
		b = b[:r.Intn(len(b))]
	case 2:
		tags := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 0x7f, 0xff}
		b[r.Intn(len(b))] = tags[r.Intn(len(tags))]
	case 3:
		if len(b) >= 4 {
			at := r.Intn(len(b) - 3)
			binary.LittleEndian.PutUint32(b[at:], uint32(int(binary.LittleEndian.Uint32(b[at:]))+r.Intn(9)-4))
		}
	default:
		at := r.Intn(len(b))
		b[at] ^= 1 << r.Intn(8)
	}
	return b
}
