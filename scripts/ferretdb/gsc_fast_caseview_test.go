package sjson

// The fast sjson codec (gsc_fast.go) on a document shaped like the projector's case view: a test
// against the original implementation, and benchmarks of both; copied into internal/handler/sjson
// by scripts/ensure-ferretdb.sh.

import (
	"bytes"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/internal/types"
)

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
