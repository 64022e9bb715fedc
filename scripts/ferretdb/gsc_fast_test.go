package sjson

// Differential tests of the fast sjson codec (gsc_fast.go) against the original implementation
// (gscUnmarshalOriginal, gscMarshalOriginal), and benchmarks of both.

import (
	"bytes"
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
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

type gscResult struct {
	doc   *types.Document
	b     []byte
	err   string
	panic string
}

func gscCall(f func() (*types.Document, []byte, error)) (res gscResult) {
	defer func() {
		if p := recover(); p != nil {
			res.panic = fmt.Sprint(p)
		}
	}()

	d, b, err := f()
	res.doc, res.b = d, b
	if err != nil {
		res.err = err.Error()
	}
	return
}

// gscCompareUnmarshal checks that fast Unmarshal gives what the original does for data.
func gscCompareUnmarshal(t *testing.T, data []byte) bool {
	t.Helper()

	orig := gscCall(func() (*types.Document, []byte, error) { d, err := gscUnmarshalOriginal(data); return d, nil, err })
	fast := gscCall(func() (*types.Document, []byte, error) { d, err := Unmarshal(data); return d, nil, err })

	if orig.err != fast.err || orig.panic != fast.panic {
		t.Errorf("data %q:\noriginal err=%q panic=%q\nfast     err=%q panic=%q", data, orig.err, orig.panic, fast.err, fast.panic)
		return false
	}

	if orig.doc == nil {
		return true
	}

	if !reflect.DeepEqual(orig.doc, fast.doc) {
		t.Errorf("data %q: not deeply equal:\noriginal %#v\nfast     %#v", data, orig.doc, fast.doc)
		return false
	}

	if !testutil.AssertEqual(t, orig.doc, fast.doc) {
		return false
	}

	// DeepEqual does not tell -0 from 0: compare the re-encoded documents too
	ob, oerr := gscMarshalOriginal(orig.doc)
	fb, ferr := gscMarshalOriginal(fast.doc)
	if (oerr != nil) != (ferr != nil) || !bytes.Equal(ob, fb) {
		t.Errorf("data %q: re-encoded differently:\n%s\n%s", data, ob, fb)
		return false
	}

	return true
}

func TestGscFastCodecDifferential(t *testing.T) {
	if !gscFastCodec {
		t.Skip("GSC_FERRETDB_FASTCODEC=off")
	}

	n := 20000
	if s := os.Getenv("GSC_FAST_TEST_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}

	g := &gscGen{r: rand.New(rand.NewSource(42))}

	var docs, marshalErrors, mutated, fastHandled, mutatedFast, origOK int

	for i := 0; i < n; i++ {
		d := g.doc(0, true)

		// sometimes a NaN/Inf double somewhere at the top level: both must fail alike
		if g.r.Intn(50) == 0 {
			d.Set("bad", []float64{math.NaN(), math.Inf(1), math.Inf(-1)}[g.r.Intn(3)])
		}

		orig := gscCall(func() (*types.Document, []byte, error) { b, err := gscMarshalOriginal(d); return nil, b, err })
		fast := gscCall(func() (*types.Document, []byte, error) { b, err := Marshal(d); return nil, b, err })

		if orig.err != fast.err || orig.panic != fast.panic || !bytes.Equal(orig.b, fast.b) {
			t.Fatalf("Marshal differs for %#v:\noriginal %q err=%q panic=%q\nfast     %q err=%q panic=%q",
				d, orig.b, orig.err, orig.panic, fast.b, fast.err, fast.panic)
		}

		if orig.err != "" || orig.panic != "" {
			marshalErrors++
			continue
		}

		if !gscCompareUnmarshal(t, orig.b) {
			t.FailNow()
		}
		docs++
		if _, ok := gscFastUnmarshal(orig.b); ok {
			fastHandled++
		}
		if _, err := gscUnmarshalOriginal(orig.b); err == nil {
			origOK++
			// every document the original reads back must be read by the fast path itself
			// (a top-level "$s" field is left to the original on purpose: it reads that field's
			// value as the schema)
			if _, ok := gscFastUnmarshal(orig.b); !ok && !d.Has("$s") {
				t.Errorf("fast path fell back on a document the original decodes: %q", orig.b)
			}
		}

		// mutated input (whitespace, reordered, truncated, corrupted): the fast path must fall
		// back to the original's result or error
		for j := 0; j < 3; j++ {
			m := append([]byte(nil), orig.b...)
			if len(m) == 0 {
				break
			}
			p := g.r.Intn(len(m))
			switch g.r.Intn(5) {
			case 0:
				m = append(m[:p], append([]byte{' '}, m[p:]...)...)
			case 1:
				m = append(m[:p], m[p+1:]...)
			case 2:
				m[p] = byte(g.r.Intn(256))
			case 3:
				m = m[:p]
			case 4:
				m = append(m[:p], append([]byte("null"), m[p:]...)...)
			}
			if !gscCompareUnmarshal(t, m) {
				t.FailNow()
			}
			mutated++
			if _, ok := gscFastUnmarshal(m); ok {
				mutatedFast++
			}
		}
	}

	// duplicated keys: both panic alike
	dup, err := types.NewDocument("a", int32(1), "a", int32(2))
	if err != nil {
		t.Fatal(err)
	}
	orig := gscCall(func() (*types.Document, []byte, error) { b, err := gscMarshalOriginal(dup); return nil, b, err })
	fast := gscCall(func() (*types.Document, []byte, error) { b, err := Marshal(dup); return nil, b, err })
	if orig.panic != fast.panic || orig.err != fast.err || !bytes.Equal(orig.b, fast.b) {
		t.Fatalf("duplicated keys: %+v vs %+v", orig, fast)
	}

	// hand-written inputs the fast path must leave to the original
	for _, s := range []string{
		`{"$s":{},"a":1}`,
		`{"$s":{}}`,
		`{"a":1,"$s":{"p":{"a":{"t":"int"}},"$k":["a"]}}`,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1,"a":2}`,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1.0}`,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":2147483648}`,
		`{"$s":{"p":{"a":{"t":"long"}},"$k":["a"]},"a":-9223372036854775808}`,
		`{"$s":{"p":{"a":{"t":"long"}},"$k":["a"]},"a":9223372036854775808}`,
		`{"$s":{"p":{"a":{"t":"double"}},"$k":["a"]},"a":1e400}`,
		`{"$s":{"p":{"a":{"t":"double"}},"$k":["a"]},"a":-0}`,
		`{"$s":{"p":{"a":{"t":"string"}},"$k":["a"]},"a":"\u00e9\ud800x"}`,
		`{"$s":{"p":{"a":{"t":"object","$s":{"p":{"b":{"t":"int"}},"$k":["b"]}}},"$k":["a"]},"a":{}}`,
		`{"$s":{"p":{"a":{"t":"object","$s":{}}},"$k":["a"]},"a":{"b":1}}`,
		`{"$s":{"p":{"a":{"t":"array","i":[]}},"$k":["a"]},"a":[1]}`,
		`{"$s":{"p":{"a":{"t":"array","i":[{"t":"int"}]}},"$k":["a"]},"a":[]}`,
		`{"$s":{"p":{"a":{"t":"null"}},"$k":["a"]},"a":1}`,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":null}`,
		`{"$s":{"p":{"a":{"t":"binData","s":300}},"$k":["a"]},"a":""}`,
		`{"$s":{"p":{"a":{"t":"objectId"}},"$k":["a"]},"a":"0102030405060708090A0B0C"}`,
		`{"$s":{"p":{"a":{"t":"timestamp"}},"$k":["a"]},"a":-1}`,
		`{"$s":{"p":{"a":{"t":"int","x":1}},"$k":["a"]},"a":1}`,
		`{"$s":{"p":{"a":{"t":"int"},"b":{"t":"int"}},"$k":["b","a"]},"a":1,"b":2}`,
		`{"$s":{"p":{"$s":{"t":"int"}},"$k":["$s"]},"$s":1}`,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1} `,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":01}`,
	} {
		if !gscCompareUnmarshal(t, []byte(s)) {
			t.FailNow()
		}
	}

	t.Logf("documents compared: %d (Marshal byte-identical and Unmarshal equal; %d decoded by the fast path; the original decoded %d, "+
		"the rest are its errors, e.g. raw quotes in top-level keys); Marshal errors/panics compared: %d; mutated inputs compared: %d (%d decoded by the fast path)",
		docs, fastHandled, origOK, marshalErrors, mutated, mutatedFast)
}

// gscCaseView is a document shaped like the projector's case view.
func gscCaseView() *types.Document {
	date := func(ms int64) time.Time { return time.UnixMilli(ms) }
	steps := types.MakeArray(6)
	for i := 0; i < 6; i++ {
		steps.Append(must1(types.NewDocument(
			"type", "CaseAccepted",
			"at", date(1780000000000+int64(i)*60000),
			"by", must1(types.NewDocument("id", "u-1", "name", "王", "role", "window")),
			"k", int32(i),
		)))
	}

	return must1(types.NewDocument(
		"_id", "case-1",
		"_position", "00000000000000056294:00000000000000000000",
		"caseId", "case-1",
		"centerId", "center-1",
		"departmentId", "dept-07",
		"windowId", "win-3",
		"status", "accepted",
		"level", "green",
		"deadlineAt", date(1780500000000),
		"nextCheckAt", date(1780400000000),
		"receiptNo", "R20261",
		"receivedAt", date(1780000000000),
		"applicantName", "张三",
		"handledBy", "u-1",
		"matter", must1(types.NewDocument("id", "m-1", "name", "营业执照办理", "promisedLimitDays", int32(5))),
		"steps", steps,
		"flags", must1(types.NewArray("a", "b")),
		"counts", must1(types.NewDocument("a", int32(1), "b", int32(2))),
	))
}

func must1[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestGscCaseView(t *testing.T) {
	d := gscCaseView()
	ob, err := gscMarshalOriginal(d)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ob, fb) {
		t.Fatalf("%s\n%s", ob, fb)
	}
	t.Logf("case view: %d bytes", len(ob))
	if !gscCompareUnmarshal(t, ob) {
		t.FailNow()
	}
	if _, ok := gscFastUnmarshal(ob); !ok {
		t.Fatal("fast path did not take the case view")
	}
}

func BenchmarkGscCaseView(b *testing.B) {
	d := gscCaseView()
	data, err := gscMarshalOriginal(d)
	if err != nil {
		b.Fatal(err)
	}

	for _, c := range []struct {
		name string
		run  func() bool
	}{
		{"Unmarshal/original", func() bool { _, err := gscUnmarshalOriginal(data); return err == nil }},
		{"Unmarshal/fast", func() bool { _, ok := gscFastUnmarshal(data); return ok }},
		{"Marshal/original", func() bool { _, err := gscMarshalOriginal(d); return err == nil }},
		{"Marshal/fast", func() bool { _, ok := gscFastMarshal(d); return ok }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if !c.run() {
					b.Fatal("failed or not handled")
				}
			}
		})
	}
}

// TestGscParallel decodes and encodes from several goroutines at once (the intern cache and the
// encoder pool are shared); run it with -race.
func TestGscParallel(t *testing.T) {
	if !gscFastCodec {
		t.Skip("GSC_FERRETDB_FASTCODEC=off")
	}

	g := &gscGen{r: rand.New(rand.NewSource(7))}
	var inputs [][]byte
	var want []*types.Document
	var wantB [][]byte // the original's encoding of the decoded document (not always the input:
	// e.g. invalid UTF-8 is written as \ufffd and read back as U+FFFD, written as such next time)
	for len(inputs) < 300 {
		b, err := gscMarshalOriginal(g.doc(0, true))
		if err != nil {
			continue
		}
		d, err := gscUnmarshalOriginal(b)
		if err != nil {
			continue
		}
		rb, err := gscMarshalOriginal(d)
		if err != nil {
			continue
		}
		inputs = append(inputs, b)
		want = append(want, d)
		wantB = append(wantB, rb)
	}

	done := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func(w int) {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 3*len(inputs); i++ {
				j := (i*7 + w*13) % len(inputs)
				d, err := Unmarshal(inputs[j])
				if err != nil || !reflect.DeepEqual(d, want[j]) {
					t.Errorf("goroutine %d: input %d decoded differently", w, j)
					return
				}
				b, err := Marshal(d)
				if err != nil || !bytes.Equal(b, wantB[j]) {
					t.Errorf("goroutine %d: input %d encoded differently", w, j)
					return
				}
			}
		}(w)
	}
	for w := 0; w < 4; w++ {
		<-done
	}
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
