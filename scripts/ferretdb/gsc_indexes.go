// gov-service-cases: SQLite expression indexes for the pre-filter (../gsc_prefilter.go), copied into
// internal/backends/sqlite/metadata by scripts/ensure-ferretdb.sh.

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

// GscIndexStatements: for each plain top-level field of an index's keys (but _id, which has its
// own index), an SQLite index on GscExpr, so the pre-filter's comparisons are index ranges.
func GscIndexStatements(table string, keys []IndexKeyPair) []string {
	var out []string

	for _, k := range keys {
		if k.Field == "_id" || !gscPlainField.MatchString(k.Field) {
			continue
		}

		out = append(out, fmt.Sprintf("CREATE INDEX IF NOT EXISTS %q ON %q (%s)", table+"_gsc_"+k.Field, table, GscExpr(k.Field)))
	}

	return out
}
