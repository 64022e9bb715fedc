package sjson

// The fast sjson codec (gsc_fast.go) used from several goroutines at once; copied into
// internal/handler/sjson by scripts/ensure-ferretdb.sh.

import (
	"bytes"
	"math/rand"
	"reflect"
	"testing"

	"github.com/FerretDB/FerretDB/internal/types"
)

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
