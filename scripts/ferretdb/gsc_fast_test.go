package sjson

// Differential tests of the fast sjson codec (gsc_fast.go) against the original implementation
// (gscUnmarshalOriginal, gscMarshalOriginal): random documents (gsc_fast_gen_test.go), hand-written
// and altered bytes. The case view test and the benchmarks of both are in
// gsc_fast_caseview_test.go, the parallel test in gsc_fast_parallel_test.go; all copied into
// internal/handler/sjson by scripts/ensure-ferretdb.sh, which runs them before it builds.

import (
	"bytes"
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

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
