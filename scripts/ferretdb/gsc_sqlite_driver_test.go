// gov-service-cases: the C SQLite driver of build 21 (metadata/pool/gsc_sqlite_driver.go) does
// what FerretDB asked of modernc's: the URI's pragmas, dbstat for collStats, the duplicate-key
// error. Copied into internal/backends/sqlite and run by scripts/ensure-ferretdb.sh before it builds.

package sqlite

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

func TestGscSQLiteDriver(t *testing.T) {
	ctx := testutil.Ctx(t)

	// The URI's pragmas run in order on every connection, as modernc ran them.
	t.Run("pragmas", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "p.sqlite")
		db, err := sql.Open("gsc-sqlite3", "file:"+file+
			"?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)&_pragma=synchronous(full)&_pragma=auto_vacuum(none)")
		require.NoError(t, err)
		t.Cleanup(func() { require.NoError(t, db.Close()) })
		db.SetMaxOpenConns(3)

		// Three connections at once, so not only the first is checked.
		conns := make([]*sql.Conn, 3)
		for i := range conns {
			conns[i], err = db.Conn(ctx)
			require.NoError(t, err)
		}

		for _, c := range conns {
			var timeout, synchronous, autoVacuum int
			var journal, version string
			require.NoError(t, c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout))
			require.NoError(t, c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&journal))
			require.NoError(t, c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&synchronous))
			require.NoError(t, c.QueryRowContext(ctx, "PRAGMA auto_vacuum").Scan(&autoVacuum))
			require.NoError(t, c.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&version))
			require.Equal(t, 10000, timeout)
			require.Equal(t, "wal", journal)
			require.Equal(t, 2, synchronous, "FULL, overriding the NORMAL mattn sets by itself")
			require.Equal(t, 0, autoVacuum)
			require.True(t, strings.HasPrefix(version, "3.54."), version)
			require.NoError(t, c.Close())
		}
	})

	// A pragma SQLite refuses fails the open.
	t.Run("bad-pragma", func(t *testing.T) {
		db, err := sql.Open("gsc-sqlite3", "file:"+filepath.Join(t.TempDir(), "bad.sqlite")+"?_pragma=journal_mode(wal")
		require.NoError(t, err)
		t.Cleanup(func() { require.NoError(t, db.Close()) })
		err = db.PingContext(ctx)
		require.ErrorContains(t, err, "PRAGMA journal_mode(wal")
	})

	// collStats reads dbstat; a duplicate _id is FerretDB's duplicate-key error.
	t.Run("stats-duplicate", func(t *testing.T) {
		uri := testutil.TestSQLiteURI(t, "file:./?_pragma=synchronous(normal)")
		b, c := gscOpenBackend(t, uri, testutil.DatabaseName(t), testutil.CollectionName(t))
		t.Cleanup(b.Close)

		_, err := c.InsertAll(ctx, &backends.InsertAllParams{Docs: gscTenDocs()})
		require.NoError(t, err)

		stats, err := c.Stats(ctx, &backends.CollectionStatsParams{Refresh: true})
		require.NoError(t, err)
		require.Equal(t, int64(10), stats.CountDocuments)
		require.Positive(t, stats.SizeCollection)

		dup := must.NotFail(types.NewDocument("_id", "d03", "n", int32(99)))
		_, err = c.InsertAll(ctx, &backends.InsertAllParams{Docs: []*types.Document{dup}})
		require.True(t, backends.ErrorCodeIs(err, backends.ErrorCodeInsertDuplicateID), "%v", err)
	})
}
