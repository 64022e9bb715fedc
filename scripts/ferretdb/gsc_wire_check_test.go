// The walk of check (gsc_wire_check.go) against the original on random and altered BSON; copied
// with gsc_bson_gen_test.go into the wire module by scripts/ensure-ferretdb.sh, and run before
// the build.

package wire

import (
	"math/rand"
	"testing"

	"github.com/FerretDB/wire/wirebson"
)

// gscOriginalCheck is the original check of one section document: DecodeDeep, then with noNaN
// checkNaN of the result.
func gscOriginalCheck(raw []byte, noNaN bool) error {
	doc, err := wirebson.RawDocument(raw).DecodeDeep()
	if err != nil || !noNaN {
		return err
	}

	return checkNaN(doc)
}

func TestGscCheckWalk(t *testing.T) {
	g := &gscBSONGen{r: rand.New(rand.NewSource(19))}

	var valid, refusedNaN, altered, alteredValid int

	for i := range 20_000 {
		raw := g.raw(i%10 == 0, true)

		for _, noNaN := range []bool{true, false} {
			want := gscOriginalCheck(raw, noNaN)
			got := gscValidDeep(raw, false, noNaN)

			if got != (want == nil) {
				t.Fatalf("document %d (noNaN %v): walk %v, original %v: %x", i, noNaN, got, want, raw)
			}

			if noNaN && want != nil {
				refusedNaN++
			}
		}

		valid++

		for range 3 {
			bad := g.mutate(raw)
			altered++

			for _, noNaN := range []bool{true, false} {
				want := gscOriginalCheck(bad, noNaN)
				if gscValidDeep(bad, false, noNaN) && want != nil {
					t.Fatalf("altered (noNaN %v): the walk passed what the original refuses (%v): %x", noNaN, want, bad)
				}

				if !noNaN && want == nil {
					alteredValid++
				}
			}
		}
	}

	if refusedNaN == 0 || alteredValid == 0 {
		t.Fatalf("the documents did not test what they must: %d with NaN, %d altered and valid", refusedNaN, alteredValid)
	}

	t.Logf("%d documents, %d of them with a NaN; %d altered, %d of those valid", valid, refusedNaN, altered, alteredValid)
}

// A message as FerretDB reads it: the walk passes what is valid and the original answers the rest.
func TestGscCheckMessage(t *testing.T) {
	// As FerretDB sets it (internal/handler/wire.go).
	defer func(was bool) { CheckNaNs = was }(CheckNaNs)
	CheckNaNs = true

	g := &gscBSONGen{r: rand.New(rand.NewSource(23))}
	var refused int

	for i := range 2_000 {
		raw := g.raw(false, i%2 == 0)

		var msg OpMsg
		msg.sections = []OpMsgSection{{documents: []wirebson.RawDocument{raw}}}

		got, want := msg.check(), msg.gscCheckOriginal()
		if (got == nil) != (want == nil) || (got != nil && got.Error() != want.Error()) {
			t.Fatalf("message %d: check %v, original %v", i, got, want)
		}

		if got != nil {
			refused++
		}
	}

	if refused == 0 {
		t.Fatal("no message held a NaN")
	}
}
