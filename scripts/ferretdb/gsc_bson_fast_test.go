// The fast ToDocument (gsc_bson_fast.go) against the original on random and altered BSON; copied
// with gsc_bson_gen_test.go into FerretDB's internal/bson by scripts/ensure-ferretdb.sh, and run
// before the build.

package bson

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"testing"

	"github.com/FerretDB/wire/wirebson"

	"github.com/FerretDB/FerretDB/internal/types"
)

// gscOriginal is the original's answer, a panic (decimal128) counted as an error.
func gscOriginal(raw []byte) (doc *types.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("panic: %v", p)
		}
	}()

	return gscToDocumentOriginal(wirebson.RawDocument(raw))
}

// gscSame is reflect.DeepEqual (down to a nil slice against an empty one) where there is no NaN,
// and where there is one, the same values with doubles compared bit for bit.
func gscSame(a, b any) bool {
	if reflect.DeepEqual(a, b) {
		return true
	}

	switch a := a.(type) {
	case *types.Document:
		b, ok := b.(*types.Document)
		if !ok || !reflect.DeepEqual(a.Keys(), b.Keys()) {
			return false
		}

		av, bv := a.Values(), b.Values()
		for i := range av {
			if !gscSame(av[i], bv[i]) {
				return false
			}
		}

		return true

	case *types.Array:
		b, ok := b.(*types.Array)
		if !ok || a.Len() != b.Len() {
			return false
		}

		for i := range a.Len() {
			x, _ := a.Get(i)
			y, _ := b.Get(i)
			if !gscSame(x, y) {
				return false
			}
		}

		return true

	case float64:
		b, ok := b.(float64)
		return ok && math.Float64bits(a) == math.Float64bits(b)
	}

	return false
}

func TestGscFastToDocument(t *testing.T) {
	g := &gscBSONGen{r: rand.New(rand.NewSource(19))}

	var taken, altered, alteredTaken, alteredValid int

	for i := range 20_000 {
		decimals := i%10 == 0
		raw := g.raw(decimals, true)

		want, wantErr := gscOriginal(raw)
		got, ok := gscToDocument(raw)

		switch {
		case ok && wantErr != nil:
			t.Fatalf("document %d: the fast path took what the original refuses (%v): %x", i, wantErr, raw)
		case ok && !gscSame(got, want):
			t.Fatalf("document %d: got %v, want %v: %x", i, got, want, raw)
		case !ok && wantErr == nil:
			t.Fatalf("document %d: the fast path left a valid document to the original: %x", i, raw)
		case ok:
			taken++
		}

		// ToDocument itself: the same answer whichever path gave it.
		if wantErr == nil {
			viaEntry, err := ToDocument(wirebson.RawDocument(raw))
			if err != nil || !gscSame(viaEntry, want) {
				t.Fatalf("document %d: ToDocument gave %v, %v", i, viaEntry, err)
			}
		}

		for range 3 {
			bad := g.mutate(raw)
			if len(bad) == 0 {
				continue
			}

			altered++

			want, wantErr := gscOriginal(bad)
			got, ok := gscToDocument(bad)

			if ok && (wantErr != nil || !gscSame(got, want)) {
				t.Fatalf("altered %x: fast %v, original %v, %v", bad, got, want, wantErr)
			}

			if ok {
				alteredTaken++
			}

			if wantErr == nil {
				alteredValid++
			}
		}
	}

	// The walk must take what it is for: every document without a decimal128.
	if taken < 17_000 {
		t.Fatalf("the fast path took only %d of 20,000 documents", taken)
	}

	t.Logf("taken %d of 20,000; altered %d, of which the original accepts %d and the fast path takes %d",
		taken, altered, alteredValid, alteredTaken)
}

// go test -run '^$' -bench GscToDocument -benchmem ./internal/bson/: the fast path against the
// original over the same 1,000 random documents.
func BenchmarkGscToDocument(b *testing.B) {
	g := &gscBSONGen{r: rand.New(rand.NewSource(7))}
	docs := make([][]byte, 1_000)
	for i := range docs {
		docs[i] = g.raw(false, false)
	}

	b.Run("fast", func(b *testing.B) {
		for i := range b.N {
			if _, ok := gscToDocument(docs[i%len(docs)]); !ok {
				b.Fatal("not taken")
			}
		}
	})

	b.Run("original", func(b *testing.B) {
		for i := range b.N {
			if _, err := gscToDocumentOriginal(wirebson.RawDocument(docs[i%len(docs)])); err != nil {
				b.Fatal(err)
			}
		}
	})
}
