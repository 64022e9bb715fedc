// gov-service-cases: documents reach a table this build makes as JSONB, SQLite's jsonb() of their
// sjson text, and read back as written. Copied into internal/backends/sqlite by
// scripts/ensure-ferretdb.sh and run before the build.

package sqlite

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

func TestGscJSONBWrites(t *testing.T) {
	ctx := testutil.Ctx(t)
	uri := testutil.TestSQLiteURI(t, "")

	dbName := testutil.DatabaseName(t)
	cName := testutil.CollectionName(t)
	b, c := gscOpenBackend(t, uri, dbName, cName)
	t.Cleanup(b.Close)

	want := gscTenDocs()
	_, err := c.InsertAll(ctx, &backends.InsertAllParams{Docs: want})
	require.NoError(t, err)

	want[4] = gscTextDoc(4, 400)
	_, err = c.UpdateAll(ctx, &backends.UpdateAllParams{Docs: []*types.Document{want[4]}})
	require.NoError(t, err)

	got, _ := gscTextQuery(t, c, &backends.QueryParams{})
	testutil.AssertEqualSlices(t, want, got)

	// Each row holds a blob: SQLite's jsonb() of the document's sjson text (inserted and updated).
	raw, table := gscRawTable(t, uri, dbName, cName)
	rows, err := raw.QueryContext(ctx, fmt.Sprintf("SELECT _ferretdb_sjson FROM %q ORDER BY rowid", table))
	require.NoError(t, err)
	i := 0
	for ; rows.Next(); i++ {
		var stored any
		require.NoError(t, rows.Scan(&stored))
		require.IsType(t, []byte(nil), stored, "row %d is not a blob", i)
		var jsonb []byte
		text := string(must.NotFail(sjson.Marshal(want[i])))
		require.NoError(t, raw.QueryRowContext(ctx, "SELECT jsonb(?)", text).Scan(&jsonb))
		require.Equal(t, jsonb, stored, "row %d", i)
	}
	require.NoError(t, rows.Err())
	require.Equal(t, 10, i)
}
