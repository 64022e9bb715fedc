// gov-service-cases: a table made by a build before 17 (its document column TEXT, STRICT) is read
// and written by this build as it was (gsc_jsonb.go): a local store built before upgrades in place.
// Copied into internal/backends/sqlite by scripts/ensure-ferretdb.sh and run before the build.
//
// The old table is made from a new one: the same rows turned back into text in a table declared as
// builds 1 to 16 declared it (upstream registry.go), with the same indexes.

package sqlite

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/state"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

func gscTextDoc(i int, n int32) *types.Document {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
	return must.NotFail(types.NewDocument(
		"_id", fmt.Sprintf("d%02d", i),
		"n", n,
		"at", at,
		"s", fmt.Sprintf("案件 %d", i),
		"sub", must.NotFail(types.NewDocument("k", int64(i), "list", must.NotFail(types.NewArray("a", int32(i))))),
	))
}

func gscTextQuery(t *testing.T, c backends.Collection, params *backends.QueryParams) ([]*types.Document, bool) {
	t.Helper()

	res, err := c.Query(testutil.Ctx(t), params)
	require.NoError(t, err)

	docs, err := iterator.ConsumeValues[struct{}, *types.Document](res.Iter)
	require.NoError(t, err)

	return docs, res.GscSorted
}

func gscTextIDs(docs []*types.Document) []string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = must.NotFail(d.Get("_id")).(string)
	}

	return ids
}

// gscOpenBackend opens the backend on uri and one collection of it.
func gscOpenBackend(t *testing.T, uri, dbName, cName string) (backends.Backend, backends.Collection) {
	t.Helper()

	sp, err := state.NewProvider("")
	require.NoError(t, err)

	b, err := NewBackend(&NewBackendParams{URI: uri, L: testutil.Logger(t), P: sp, BatchSize: 100})
	require.NoError(t, err)

	db, err := b.Database(dbName)
	require.NoError(t, err)

	c, err := db.Collection(cName)
	require.NoError(t, err)

	return b, c
}

// gscRawTable opens the database file of dbName without FerretDB (closed when the test ends) and
// returns it with the name of cName's table.
func gscRawTable(t *testing.T, uri, dbName, cName string) (*sql.DB, string) {
	file := strings.TrimPrefix(uri, "file:") + dbName + ".sqlite"
	raw, err := sql.Open("gsc-sqlite3", "file:"+file)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, raw.Close()) })

	var table string
	q := "SELECT table_name FROM _ferretdb_collections WHERE name = ?"
	require.NoError(t, raw.QueryRowContext(testutil.Ctx(t), q, cName).Scan(&table))
	return raw, table
}

// gscTenDocs: gscTextDoc 0 to 9.
func gscTenDocs() []*types.Document {
	var docs []*types.Document
	for i := 0; i < 10; i++ {
		docs = append(docs, gscTextDoc(i, int32(i)))
	}

	return docs
}

func TestGscTextTables(t *testing.T) {
	ctx := testutil.Ctx(t)
	uri := testutil.TestSQLiteURI(t, "")
	dbName := testutil.DatabaseName(t)
	cName := testutil.CollectionName(t)

	open := func() (backends.Backend, backends.Collection) { return gscOpenBackend(t, uri, dbName, cName) }

	// A collection of this build, with an index on n (the pre-filter's and sort's expression
	// indexes), ten documents.
	b, c := open()
	_, err := c.CreateIndexes(ctx, &backends.CreateIndexesParams{Indexes: []backends.IndexInfo{
		{Name: "n_1", Key: []backends.IndexKeyPair{{Field: "n"}}},
	}})
	require.NoError(t, err)

	want := gscTenDocs()
	_, err = c.InsertAll(ctx, &backends.InsertAllParams{Docs: want})
	require.NoError(t, err)

	b.Close()

	// Its table turned into one of an earlier build.
	raw, table := gscRawTable(t, uri, dbName, cName)

	var indexes []string
	rows, err := raw.QueryContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", table)
	require.NoError(t, err)
	for rows.Next() {
		var q string
		require.NoError(t, rows.Scan(&q))
		indexes = append(indexes, q)
	}
	require.NoError(t, rows.Err())
	require.NotEmpty(t, indexes)

	old := []string{
		"BEGIN",
		`CREATE TABLE "gsc_old" (_ferretdb_sjson TEXT NOT NULL CHECK(_ferretdb_sjson != '')) STRICT`,
		fmt.Sprintf(`INSERT INTO "gsc_old" SELECT json(_ferretdb_sjson) FROM %q ORDER BY rowid`, table),
		fmt.Sprintf(`DROP TABLE %q`, table),
		fmt.Sprintf(`ALTER TABLE "gsc_old" RENAME TO %q`, table),
	}
	old = append(old, indexes...)
	old = append(old, "COMMIT")
	for _, q := range old {
		_, err = raw.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}

	// What the table holds: counts of rows stored as text and as JSONB, and the column's type.
	stored := func() (text, blob int, declared string) {
		q := fmt.Sprintf(`SELECT count(*) FILTER (WHERE typeof(_ferretdb_sjson) = 'text'),
			count(*) FILTER (WHERE typeof(_ferretdb_sjson) = 'blob') FROM %q`, table)
		require.NoError(t, raw.QueryRowContext(ctx, q).Scan(&text, &blob))
		require.NoError(t, raw.QueryRowContext(ctx, "SELECT type FROM pragma_table_info(?) WHERE name = '_ferretdb_sjson'", table).Scan(&declared))

		return
	}
	text, blob, declared := stored()
	require.Equal(t, []any{10, 0, "TEXT"}, []any{text, blob, declared})

	// This build, started again (nothing remembered of the table as it was), on the old table.
	gscJSONBTables.Range(func(k, _ any) bool { gscJSONBTables.Delete(k); return true })
	b, c = open()
	t.Cleanup(b.Close)

	got, _ := gscTextQuery(t, c, &backends.QueryParams{})
	testutil.AssertEqualSlices(t, want, got)

	// Inserts and updates written as text: the STRICT column refuses anything else.
	var more []*types.Document
	for i := 10; i < 15; i++ {
		more = append(more, gscTextDoc(i, int32(i)))
	}
	_, err = c.InsertAll(ctx, &backends.InsertAllParams{Docs: more})
	require.NoError(t, err)
	want = append(want, more...)

	want[3] = gscTextDoc(3, 100)
	upd, err := c.UpdateAll(ctx, &backends.UpdateAllParams{Docs: []*types.Document{want[3]}})
	require.NoError(t, err)
	require.Equal(t, int32(1), upd.Updated)

	text, blob, declared = stored()
	require.Equal(t, []any{15, 0, "TEXT"}, []any{text, blob, declared})

	got, _ = gscTextQuery(t, c, &backends.QueryParams{})
	testutil.AssertEqualSlices(t, want, got)

	// The pre-filter's range, pushed down to SQLite over the old table: exactly the matching rows
	// (the backend filters nothing itself; the handler above it would).
	got, _ = gscTextQuery(t, c, &backends.QueryParams{
		Filter: must.NotFail(types.NewDocument("n", must.NotFail(types.NewDocument("$gte", int32(12))))),
	})
	ids := gscTextIDs(got)
	slices.Sort(ids) // no sort asked: SQLite's order
	require.Equal(t, []string{"d03", "d12", "d13", "d14"}, ids)

	// The sort pushed down to SQLite, descending n then _id.
	got, sorted := gscTextQuery(t, c, &backends.QueryParams{
		Filter:  must.NotFail(types.NewDocument("n", must.NotFail(types.NewDocument("$lt", int32(5))))),
		GscSort: must.NotFail(types.NewDocument("n", int64(-1), "_id", int64(1))),
	})
	require.True(t, sorted)
	require.Equal(t, []string{"d04", "d02", "d01", "d00"}, gscTextIDs(got))
}
