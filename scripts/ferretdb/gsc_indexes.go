// gov-service-cases: SQLite expression indexes for the pre-filter and the sort pushdown
// (../gsc_prefilter.go, ../gsc_sort.go), copied into internal/backends/sqlite/metadata by
// scripts/ensure-ferretdb.sh.

package metadata

import (
	"fmt"
	"regexp"
)

var gscPlainField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// GscExpr is a top-level field's value as SQLite sees it (json_extract of the stored document).
func GscExpr(field string) string {
	return "json_extract(" + DefaultColumn + ", '$." + field + "')"
}

// GscTypeExpr is a top-level field's sjson type name ("string", "date", "null", "array", ...; NULL
// when the field is missing), from the schema FerretDB stores with each document.
func GscTypeExpr(field string) string {
	return "json_extract(" + DefaultColumn + ", '$.\"$s\".p." + field + ".t')"
}

// GscValueIndexName names the index on (GscExpr of a field, GscExpr of _id).
func GscValueIndexName(table, field string) string {
	return table + "_gscv_" + field
}

// GscTypeIndexName names the index on GscTypeExpr of a field.
func GscTypeIndexName(table, field string) string {
	return table + "_gsct_" + field
}

// GscIndexStatements: for each plain top-level field of an index's keys, an SQLite index on its
// value and _id's (GscExpr; not for _id itself, which has its own index), so the pre-filter's comparisons and a
// pushed-down sort are index ranges, and one on its type (GscTypeExpr, _id included), from which
// the sort pushdown reads the field's distinct types in a few seeks.
func GscIndexStatements(table string, keys []IndexKeyPair) []string {
	var out []string

	fields := []string{"_id"}
	for _, k := range keys {
		fields = append(fields, k.Field)
	}

	for _, f := range fields {
		if !gscPlainField.MatchString(f) {
			continue
		}

		if f != "_id" {
			// Ending in _id: a sort (f, _id) reads the index in order, with no sorter for the rows
			// that share a value (a deadline at 17:30 is shared by a whole day's cases). The index
			// of build 4, on the value alone, is dropped.
			out = append(out,
				fmt.Sprintf("DROP INDEX IF EXISTS %q", table+"_gsc_"+f),
				fmt.Sprintf("CREATE INDEX IF NOT EXISTS %q ON %q (%s, %s)", GscValueIndexName(table, f), table, GscExpr(f), GscExpr("_id")),
			)
		}

		out = append(out, fmt.Sprintf("CREATE INDEX IF NOT EXISTS %q ON %q (%s)", GscTypeIndexName(table, f), table, GscTypeExpr(f)))
	}

	return out
}
