// gov-service-cases: gscJSONB (gsc_jsonb_encode.go) against SQLite's own jsonb(), byte for byte.
// Copied into internal/backends/sqlite by scripts/ensure-ferretdb.sh and run before the build.

package sqlite

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

var gscJBStrings = []string{
	"", "a", "案件", "\"quoted\"", "back\\slash", "<tag>&", "line\nbreak\ttab", "\u2028", "\x7f", "😀",
	strings.Repeat("x", 11), strings.Repeat("y", 12), strings.Repeat("z", 255), strings.Repeat("w", 256),
	strings.Repeat("长", 30_000),
}

// gscJBValue: a random value as encoding/json would get it from a document, nested to depth.
func gscJBValue(r *rand.Rand, depth int) any {
	kind := r.Intn(10)
	if depth <= 0 && kind >= 8 {
		kind = r.Intn(8)
	}

	switch kind {
	case 0:
		return nil
	case 1:
		return r.Intn(2) == 0
	case 2:
		return r.Int63n(1<<53) - 1<<52
	case 3:
		return int32(r.Int31()) - 1<<30
	case 4:
		floats := []float64{0, -0.5, 1.5, 1e21, 1e-7, 123456.789, 5e-324, math.MaxFloat64, -1e300, r.NormFloat64() * 1e6}
		return floats[r.Intn(len(floats))]
	case 5:
		return gscJBStrings[r.Intn(len(gscJBStrings))]
	case 6:
		b := make([]rune, r.Intn(40))
		for i := range b {
			b[i] = rune(r.Intn(0x3000))
		}
		return string(b)
	case 7:
		return time.Unix(r.Int63n(4e9), 0).UTC().Format(time.RFC3339Nano)
	case 8:
		a := make([]any, r.Intn(20))
		for i := range a {
			a[i] = gscJBValue(r, depth-1)
		}
		return a
	default:
		m := map[string]any{}
		for i, n := 0, r.Intn(20); i < n; i++ {
			m[fmt.Sprint(gscJBValue(r, 0))+fmt.Sprint(i)] = gscJBValue(r, depth-1)
		}
		return m
	}
}

func TestGscJSONB(t *testing.T) {
	db, err := sql.Open("gsc-sqlite3", ":memory:")
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, db.Close()) })
	db.SetMaxOpenConns(1)

	sqliteJSONB := func(arg any) []byte {
		var b []byte
		require.NoError(t, db.QueryRow("SELECT jsonb(?)", arg).Scan(&b))
		return b
	}

	check := func(text string) {
		t.Helper()

		want := sqliteJSONB(text)
		got, err := gscJSONB(nil, text)
		require.NoError(t, err, text)
		require.True(t, bytes.Equal(want, got), "%.200s:\n%x\n%x", text, want, got)

		// The statements keep jsonb(?): given these bytes it hands them on unchanged.
		require.True(t, bytes.Equal(got, sqliteJSONB(got)), text)
	}

	for _, text := range []string{
		`{}`, `[]`, `{"a":{}}`, `[[],{}]`, `null`, `true`, `-0`, `0`, `-12`, `1.5e-7`, `1E+21`, `"\u00e9\/"`,
		`{"$s":{"p":{"_id":{"t":"string"}},"$k":["_id"]},"_id":"c-1"}`,
	} {
		check(text)
	}

	// Random JSON texts as encoding/json writes them (sjson writes its strings and numbers so).
	r := rand.New(rand.NewSource(20261204))
	for i := 0; i < 3000; i++ {
		text, err := json.Marshal(gscJBValue(r, 5))
		require.NoError(t, err)
		check(string(text))
	}

	// sjson's own text of documents of every type FerretDB stores.
	for i := 0; i < 200; i++ {
		doc := must.NotFail(types.NewDocument(
			"_id", fmt.Sprintf("c-%d", i),
			"n", int32(i), "l", int64(i)<<40, "f", float64(i)/7, "b", i%2 == 0, "null", types.Null,
			"at", time.UnixMilli(int64(i)*86_400_123).UTC(), "oid", types.ObjectID{byte(i), 1, 2},
			"sub", must.NotFail(types.NewDocument("k", gscJBStrings[i%len(gscJBStrings)], "arr", must.NotFail(types.NewArray(int32(1), "x", types.Null)))),
			"bin", types.Binary{B: []byte{byte(i), 0, 255}},
			"ts", types.Timestamp(uint64(i)<<32),
		))
		check(string(must.NotFail(sjson.Marshal(doc))))
	}

	// What the encoder leaves to SQLite: the caller then sends the text.
	for _, text := range []string{
		``, `{'a':1}`, `[1, 2]`, ` {}`, `[01]`, `[1.]`, `[.5]`, `[+1]`, "[\"\x01\"]", `[NaN]`, `{"a":1}x`, `["\x"]`,
		`["\u12"]`, `{"a"}`, `{"a":}`, `[1,]`, `[1`, `"open`, `nul`, `{a:1}`,
	} {
		_, err := gscJSONB(nil, text)
		require.ErrorIs(t, err, gscErrNotPlainJSON, text)
	}
}

// Documents reach the table as JSONB built in Go, and read back as written.
func TestGscJSONBWrites(t *testing.T) {
	ctx := testutil.Ctx(t)
	uri := testutil.TestSQLiteURI(t, "")

	dbName := testutil.DatabaseName(t)
	b, c := gscOpenBackend(t, uri, dbName, testutil.CollectionName(t))
	t.Cleanup(b.Close)

	want := gscTenDocs()
	_, err := c.InsertAll(ctx, &backends.InsertAllParams{Docs: want})
	require.NoError(t, err)

	want[4] = gscTextDoc(4, 400)
	_, err = c.UpdateAll(ctx, &backends.UpdateAllParams{Docs: []*types.Document{want[4]}})
	require.NoError(t, err)

	got, _ := gscTextQuery(t, c, &backends.QueryParams{})
	testutil.AssertEqualSlices(t, want, got)

	// Each row's bytes are the Go encoder's of the document's sjson text.
	file := strings.TrimPrefix(uri, "file:") + dbName + ".sqlite"
	raw, err := sql.Open("gsc-sqlite3", "file:"+file)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, raw.Close()) })

	var table string
	require.NoError(t, raw.QueryRowContext(ctx, "SELECT table_name FROM _ferretdb_collections").Scan(&table))
	rows, err := raw.QueryContext(ctx, fmt.Sprintf("SELECT _ferretdb_sjson FROM %q ORDER BY rowid", table))
	require.NoError(t, err)
	i := 0
	for ; rows.Next(); i++ {
		var stored []byte
		require.NoError(t, rows.Scan(&stored))
		want, err := gscJSONB(nil, string(must.NotFail(sjson.Marshal(want[i]))))
		require.NoError(t, err)
		require.Equal(t, want, stored, "row %d", i)
	}
	require.NoError(t, rows.Err())
	require.Equal(t, 10, i)
}
