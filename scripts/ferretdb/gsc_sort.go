// gov-service-cases: sort and limit pushed down to SQLite (cf. FerretDB issue 1875), copied into
// internal/backends/sqlite by scripts/ensure-ferretdb.sh.
//
// FerretDB 1.x sorts in Go: it decodes every document the filter keeps, sorts them and only then
// applies the limit, so a page of 50 of the 10,000 overdue cases costs 10,000 decodes. For a find
// whose sort is on top-level fields ending in _id (a total order), this file emits ORDER BY over the
// same expressions the expression indexes are built on (metadata.GscExpr), and, when the pushed SQL
// condition is exact for the whole filter (gsc_prefilter.go), LIMIT skip+limit. The handler then
// does not sort (QueryResult.GscSorted) and stops reading rows at its limit. A sort field the
// filter pins to null ({f: null} in its conjunction) is left out of the ORDER BY (it orders
// nothing there), so SQLite reads the index range `f IS NULL` in _id order without sorting it.
//
// SQLite orders NULL before numbers before text; MongoDB orders null and missing first, then
// numbers, strings, ..., booleans, dates. The two agree on a field only while every value of it is
// null/missing or of ONE class: numbers (int, long, double), dates (milliseconds), strings (both
// compare UTF-8 bytes) or booleans (0 < 1). That is checked on the whole collection, not guessed:
// each field has an index on its sjson type name (metadata.GscTypeExpr), and the distinct types are
// read from it by a skip scan (a few index seeks). Any other type (arrays, documents, ObjectIDs,
// timestamps, ...), or a field without its type index, leaves the sort to FerretDB as unpatched.
// test/ferretdb/prefilter-differential.spec.ts compares random queries with all of it on and off.

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
)

// GSC_FERRETDB_TRACE=1: each query's plan on stderr (the local launcher's ferretdb.log).
var gscTrace = os.Getenv("GSC_FERRETDB_TRACE") == "1"

// gscProbe reads what the pushdown needs to know about a collection's fields, once per query.
type gscProbe struct {
	ctx   context.Context
	db    *fsql.DB
	table string
	types map[string][]string // nil: unknown (no type index, or the probe failed)
}

// fieldTypes: the distinct sjson type names of the field in the collection ("null" included; a
// missing field has none), or false when they cannot be read cheaply.
func (p *gscProbe) fieldTypes(field string) ([]string, bool) {
	if p == nil || !gscPlainKey.MatchString(field) {
		return nil, false
	}

	if t, ok := p.types[field]; ok {
		return t, t != nil
	}

	p.types[field] = nil

	if !p.hasIndex(metadata.GscTypeIndexName(p.table, field)) {
		return nil, false
	}

	te := metadata.GscTypeExpr(field)
	found := []string{}
	prev := ""
	q := fmt.Sprintf(`SELECT %s FROM %q WHERE %s > ? ORDER BY %s LIMIT 1`, te, p.table, te, te)

	for i := 0; i < 16; i++ {
		var t string
		if err := p.db.QueryRowContext(p.ctx, q, prev).Scan(&t); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				p.types[field] = found
				return found, true
			}

			return nil, false
		}

		found = append(found, t)
		prev = t
	}

	return nil, false
}

// hasIndex: whether the SQLite index exists (the schema table is small and cached by SQLite).
func (p *gscProbe) hasIndex(name string) bool {
	var found string
	err := p.db.QueryRowContext(p.ctx, `SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&found)

	return err == nil
}

// gscClass: the class of an sjson type name whose SQLite order is MongoDB's, or "".
func gscClass(t string) string {
	switch t {
	case "double", "int", "long":
		return "number"
	case "date":
		return "date"
	case "string":
		return "text"
	case "bool":
		return "bool"
	default:
		return ""
	}
}

// fieldClass: the one class every non-null value of the field has ("null" when there is none), or "".
func (p *gscProbe) fieldClass(field string) string {
	types, ok := p.fieldTypes(field)
	if !ok {
		return ""
	}

	class := "null"

	for _, t := range types {
		if t == "null" {
			continue
		}

		c := gscClass(t)
		if c == "" || (class != "null" && c != class) {
			return ""
		}

		class = c
	}

	return class
}

// only: whether every value of the field is null, missing or of the class.
func (p *gscProbe) only(field, class string) bool {
	c := p.fieldClass(field)
	return c == "null" || (c != "" && c == class)
}

// selective: whether at most 1,000 documents have this value (an index-only count, so that an
// equality on a receipt number keeps its index while an equality on a center walks the sort's).
func (p *gscProbe) selective(field string, value any) bool {
	v, kind := gscScalar(value)
	if kind != "text" || field == "_id" || !p.hasIndex(metadata.GscValueIndexName(p.table, field)) {
		return false // without a value index the count would read the whole table
	}

	e := gscExpr(field)
	q := fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM %q WHERE %s = ? LIMIT 1001)`, p.table, e)

	var n int64
	if err := p.db.QueryRowContext(p.ctx, q, v).Scan(&n); err != nil {
		return false
	}

	return n <= 1000
}

// gscPlan is what Query adds to its SQL.
type gscPlan struct {
	where   string
	args    []any
	orderBy string
	limit   int64
	sorted  bool
}

// gscQuery plans the pre-filter, the ORDER BY and the LIMIT of a query.
func gscQuery(ctx context.Context, db *fsql.DB, table string, params *backends.QueryParams) gscPlan {
	if gscPrefilterOff || gscPinnedID(params) { // gsc_pinned_id.go
		return gscPlan{}
	}

	probe := &gscProbe{ctx: ctx, db: db, table: table, types: map[string][]string{}}

	filter := params.Filter
	if params.GscFilter != nil {
		filter = params.GscFilter // the whole filter: the handler may have dropped dotted keys from Filter
	}

	var plan gscPlan

	var first string
	if plan.orderBy, first = gscOrderBy(probe, params, filter); plan.orderBy != "" {
		plan.sorted = true
	}

	var demote gscDemote
	if plan.sorted {
		upper := gscHasUpperRange(filter, 0)
		demote = func(field string, bound any) bool {
			if upper {
				return true
			}

			return field != first && (bound == nil || !probe.selective(field, bound))
		}
	}

	var exact bool
	if filter.Len() == 0 {
		exact = true
	} else {
		plan.where, plan.args, exact = gscPrefilter(filter, probe, demote)
	}

	if plan.sorted && exact && params.GscLimit > 0 {
		plan.limit = params.GscLimit
	}

	if gscTrace {
		fmt.Fprintf(os.Stderr, "gsc %s: where %s %v order by %s limit %d (exact %v)\n",
			table, plan.where, plan.args, plan.orderBy, plan.limit, exact)
	}

	return plan
}

// gscOrderBy: the ORDER BY of a sort on plain top-level fields ending in _id, each field of one
// class (gscProbe.fieldClass), and the first field; "" when the sort stays with FerretDB. A field
// the filter pins to null (gscPinnedNull) is left out: SQLite then walks the field's index range
// `IS NULL` in _id order (the worklist's cases not yet received) instead of sorting all of it.
func gscOrderBy(probe *gscProbe, params *backends.QueryParams, filter *types.Document) (string, string) {
	sort := params.GscSort
	if sort.Len() == 0 || params.Sort.Len() != 0 {
		return "", ""
	}

	keys := sort.Keys()
	if keys[len(keys)-1] != "_id" {
		return "", ""
	}

	var parts []string

	for _, key := range keys {
		v, _ := sort.Get(key)

		dir, ok := v.(int64)
		if !ok || (dir != 1 && dir != -1) || !gscPlainKey.MatchString(key) {
			return "", ""
		}

		if c := probe.fieldClass(key); c == "" {
			return "", ""
		}

		if key != "_id" && gscPinnedNull(filter, key, 0) {
			continue
		}

		if dir == 1 {
			parts = append(parts, gscExpr(key)+" ASC")
		} else {
			parts = append(parts, gscExpr(key)+" DESC")
		}
	}

	return strings.Join(parts, ", "), keys[0]
}
