// gov-service-cases: documents stored as SQLite's binary JSON, JSONB (build 17, issue 19), copied
// into internal/backends/sqlite by scripts/ensure-ferretdb.sh.
//
// Every expression index (metadata.GscIndexStatements), pre-filter and pushed-down sort reads a
// document's fields with json_extract, and over text SQLite parses the whole document for each: a
// rebuild's index phase was such parses, sjson's type schema ("$s") being most of every document
// (4.8 KB of a case view's 6.3 KB). Over JSONB json_extract walks the stored bytes. Measured on the
// 143,000 documents of a 10,000-case rebuild, FerretDB's SQLite 3.46: the 77 index statements took
// 14.0 s over text and 1.9 s over JSONB; writing them as JSONB cost 1.2 s more than as text, and
// reading them back through json() 0.8 s more; json(jsonb(d)) gave every document back byte for byte.
//
// Tables this build creates declare the document column ANY (registry.go, edited by the script),
// and documents are written through jsonb(), SQLite's own C since build 21 (a Go encoder of build 20
// saved nothing there and went in build 22). Tables of earlier builds declare it TEXT (STRICT, so
// they refuse a blob): they go on being written as text. Reads turn a blob back into the same text
// and leave text as it is, so a table may hold both, and the expressions (->, json_extract,
// json_each) give the same values over either.

package sqlite

import (
	"context"
	"strings"
	"sync"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
)

// gscDocumentColumn: the document column as text whichever way its row holds it, named as the
// column, so the query iterator recognises it; WHERE and ORDER BY still name the table's column
// (SQLite resolves a name to a table column before an alias).
var gscDocumentColumn = "iif(typeof(" + metadata.DefaultColumn + ") = 'blob', json(" + metadata.DefaultColumn +
	"), " + metadata.DefaultColumn + ") AS " + metadata.DefaultColumn

// gscJSONBTables remembers, per database and table, whether the document column takes JSONB.
// A table name can come back after a drop (registry.go increments a hash); the table this build
// makes then is ANY, and a stale "text" only means text writes, which ANY takes too.
var gscJSONBTables sync.Map

// gscStoresJSONB: whether the table's document column is ANY (this build's tables). Asked before a
// write's transaction: the pool may have one connection. An error answers text, always safe, and is
// not remembered.
func gscStoresJSONB(ctx context.Context, db *fsql.DB, dbName, table string) bool {
	key := dbName + "\x00" + table
	if v, ok := gscJSONBTables.Load(key); ok {
		return v.(bool)
	}

	var declared string
	q := "SELECT type FROM pragma_table_info(?) WHERE name = ?"
	if err := db.QueryRowContext(ctx, q, table, metadata.DefaultColumn).Scan(&declared); err != nil {
		return false
	}

	jsonb := strings.EqualFold(declared, "ANY")
	gscJSONBTables.Store(key, jsonb)

	return jsonb
}

// gscInsertStatement: prepareInsertStatement's statement, its documents through jsonb() when the
// table takes JSONB. Only the VALUES list has "(?)" or "(?, ?)" (table names are sanitised).
func gscInsertStatement(q string, jsonb bool) string {
	if !jsonb {
		return q
	}

	i := strings.LastIndex(q, " VALUES ")
	if i < 0 {
		return q
	}

	values := strings.ReplaceAll(q[i:], "(?, ?)", "(?, jsonb(?))")
	values = strings.ReplaceAll(values, "(?)", "(jsonb(?))")

	return q[:i] + values
}

// gscUpdateValue: the value an UPDATE sets the document column to.
func gscUpdateValue(jsonb bool) string {
	if jsonb {
		return "jsonb(?)"
	}

	return "?"
}
