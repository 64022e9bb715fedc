package sjson

// Random documents of every type, nested to depth 5, for the fast sjson codec's tests
// (gsc_fast_test.go, gsc_fast_parallel_test.go); copied into internal/handler/sjson by
// scripts/ensure-ferretdb.sh.

import (
	"math"
	"math/rand"
	"strconv"
	"time"

	"github.com/FerretDB/FerretDB/internal/types"
)

type gscGen struct {
	r *rand.Rand
}

var gscStrings = []string{
	"", "a", "case-1", "张三", "营业执照办理", "emoji 😀", "quote \" back \\ slash", "<tag>&amp;",
	"line\nfeed\ttab\r\b\f", "\x00\x01\x1f\x7f", "\u2028\u2029", "invalid \xff\xfe utf8", "\xc3",
	"/solidus/", "\\u0041", "a\"b", "$s", "$k", "p", "t", "ü", "\U0010FFFF",
}

func (g *gscGen) str() string {
	r := g.r
	switch r.Intn(4) {
	case 0:
		return gscStrings[r.Intn(len(gscStrings))]
	case 1:
		return "k" + strconv.Itoa(r.Intn(30))
	default:
		n := r.Intn(12)
		b := make([]byte, 0, n*3)
		for i := 0; i < n; i++ {
			switch r.Intn(6) {
			case 0:
				b = append(b, byte(r.Intn(256)))
			case 1:
				b = append(b, string(rune(r.Intn(0x3000)))...)
			default:
				b = append(b, byte('a'+r.Intn(26)))
			}
		}
		return string(b)
	}
}

func (g *gscGen) double() float64 {
	r := g.r
	switch r.Intn(14) {
	case 0:
		return math.Copysign(0, -1)
	case 1:
		return 0
	case 2:
		return math.MaxFloat64
	case 3:
		return math.SmallestNonzeroFloat64
	case 4:
		return 1e21
	case 5:
		return 1e-7
	case 6:
		return -1e-6
	case 7:
		return float64(r.Int63())
	case 8:
		return math.Float64frombits(r.Uint64())
	default:
		return r.NormFloat64() * math.Pow(10, float64(r.Intn(60)-30))
	}
}

func (g *gscGen) scalar() any {
	r := g.r
	switch r.Intn(13) {
	case 0:
		f := g.double()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			f = 1.5
		}
		return f
	case 1:
		return g.str()
	case 2:
		var b []byte
		switch r.Intn(4) {
		case 0: // nil bytes: the original writes null
		case 1:
			b = []byte{}
		default:
			b = make([]byte, r.Intn(40))
			r.Read(b)
		}
		return types.Binary{B: b, Subtype: types.BinarySubtype(r.Intn(256))}
	case 3:
		var id types.ObjectID
		r.Read(id[:])
		return id
	case 4:
		return r.Intn(2) == 0
	case 5:
		ms := r.Int63n(1<<45) - 1<<44
		if r.Intn(3) == 0 {
			return time.Now()
		}
		return time.UnixMilli(ms)
	case 6:
		return types.Null
	case 7:
		return types.Regex{Pattern: g.str(), Options: []string{"", "i", "ms", "imxs"}[r.Intn(4)]}
	case 8:
		return gscEdge(r, int32(math.MaxInt32), int32(math.MinInt32), int32(r.Uint32()))
	case 9:
		return types.Timestamp(r.Uint64())
	case 10:
		return gscEdge(r, int64(math.MaxInt64), int64(math.MinInt64), int64(r.Uint64()))
	case 11:
		return g.str()
	default:
		return int32(r.Intn(100))
	}
}

func (g *gscGen) value(depth int) any {
	if depth < 5 {
		switch g.r.Intn(6) {
		case 0:
			return g.doc(depth+1, false)
		case 1:
			return g.array(depth + 1)
		}
	}
	return g.scalar()
}

func (g *gscGen) array(depth int) *types.Array {
	n := g.r.Intn(6)
	a := types.MakeArray(n)
	for i := 0; i < n; i++ {
		if g.r.Intn(3) == 0 && depth < 5 {
			a.Append(g.doc(depth+1, false))
		} else {
			a.Append(g.value(depth))
		}
	}
	return a
}

func (g *gscGen) doc(depth int, top bool) *types.Document {
	d := new(types.Document)
	n := g.r.Intn(8)
	if top {
		n = g.r.Intn(16)
	}
	for i := 0; i < n; i++ {
		k := g.str()
		// top-level keys are written unescaped by Marshal, so quotes, backslashes and control
		// characters there make documents the original cannot read back: keep most of them clean
		if top && g.r.Intn(10) != 0 {
			k = []string{"_id", "_position", "caseId", "张三", "ключ", "a<b>&c", "k" + strconv.Itoa(g.r.Intn(40))}[g.r.Intn(7)]
		}
		d.Set(k, g.value(depth))
	}
	return d
}

// gscEdge is max or min one time in four each, else v.
func gscEdge[T int32 | int64](r *rand.Rand, max, min, v T) T {
	switch r.Intn(4) {
	case 0:
		return max
	case 1:
		return min
	}

	return v
}
