// gov-service-cases: a pre-filter pushed down to SQLite (cf. FerretDB issue 1875), copied into
// internal/backends/sqlite by scripts/ensure-ferretdb.sh.
//
// FerretDB 1.x decodes every document of a collection (tens of microseconds each) and applies the
// filter in Go, whatever the filter. The handler still applies the whole filter (and, unless
// gsc_sort.go pushed the sort down, the sort) and the limit to whatever the backend returns, so the
// backend may return any SUPERSET of the matching documents. This file turns the parts of a filter
// it understands into an SQL condition that every matching document satisfies, so SQLite skips the
// others before they are decoded:
//   - comparisons ($eq, $gt, $gte, $lt, $lte, and plain equality) of a top-level field with a
//     number, a date (stored as milliseconds) or a string, and equality with a boolean;
//   - $in of strings or numbers; $and (all of them), $or (any of them, when each is understood);
//     on a field no index names (its types unknown), equality with strings checks each row's
//     stored type too (textPerRow), which makes it exact there (a worklist's status list);
//   - equality with null ({f: null}, {f: {$eq: null}}, null in an $in list): MongoDB (and FerretDB)
//     match a missing field, a null and an array holding null; json_extract is NULL exactly for
//     the first two (sjson stores no other type as JSON null), so `E IS NULL`, a range of the
//     field's expression index, plus every array unless the type probe shows the field holds none.
// A document is kept whenever the field holds an array (MongoDB matches an element) or a value of
// a type the comparison cannot exclude; what is not understood keeps every document. It never
// narrows what MongoDB would match, which test/ferretdb/prefilter-differential.spec.ts checks
// against the same queries with the pre-filter off (GSC_FERRETDB_PREFILTER=off, which also turns
// the sort and limit pushdown off). The condition is also judged EXACT or not (gscPrefilter): only
// an exact condition lets gsc_sort.go push a LIMIT down.
//
// Here: the walk over the filter ($and, $or, each field's operators); the conditions on one field
// (comparisons, $in) are in gsc_prefilter_compare.go.

package sqlite

import (
	"os"
	"regexp"
	"strings"

	"github.com/FerretDB/FerretDB/internal/types"
)

var gscPrefilterOff = os.Getenv("GSC_FERRETDB_PREFILTER") == "off"

// Only plain field names are embedded in a JSON path.
var gscPlainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// gscPrefilter returns a condition (and its arguments) every document matching filter satisfies,
// or "" when it cannot tell, and whether the condition is EXACT: a row meets it if and only if its
// document matches the filter. Exactness needs the field's types (gsc_sort.go, probe; nil: never
// exact): a comparison with a number, date, string or boolean bound is exact when every value of
// the field in the collection is null, missing or of the bound's class (MongoDB's type bracketing:
// no arrays, no other types), an equality with null when the field holds no array, and a filter is
// exact when every part of it is understood and exact.
func gscPrefilter(filter *types.Document, probe *gscProbe, demote gscDemote) (string, []any, bool) {
	if gscPrefilterOff || filter == nil || filter.Len() == 0 {
		return "", nil, filter.Len() == 0
	}

	if demote == nil {
		upper := gscHasUpperRange(filter, 0)
		demote = func(string, any) bool { return upper }
	}

	w := &gscWalk{probe: probe, demote: demote}

	return w.document(filter, 0)
}

// gscDemote: whether an equality on text (field, bound) is kept off the indexes (unary plus), so
// that SQLite walks the index of a range or of the pushed-down sort instead.
type gscDemote func(field string, bound any) bool

type gscWalk struct {
	probe  *gscProbe
	demote gscDemote
}

// gscHasUpperRange: whether the filter's conjunction bounds a field from above by a number or date
// ("deadline before now", "nextCheckAt at or before now"). Without statistics SQLite cannot tell
// which index narrows more; such a range is what the read models' queries narrow by, so equality
// on text (a center, a department) is then kept off the indexes and the range's index is used.
func gscHasUpperRange(filter *types.Document, depth int) bool {
	return gscAnyConjunct(filter, depth, func(key string, value any) bool {
		ops, ok := value.(*types.Document)
		if !ok || !gscPlainKey.MatchString(key) {
			return false
		}

		for _, op := range []string{"$lt", "$lte"} {
			if bound, err := ops.Get(op); err == nil {
				if _, kind := gscScalar(bound); kind == "number" || kind == "date" {
					return true
				}
			}
		}

		return false
	})
}

// document: all of the document's conditions (an implicit $and); exact when each of them is.
func (w *gscWalk) document(filter *types.Document, depth int) (string, []any, bool) {
	if depth > 6 {
		return "", nil, false
	}

	var conds []string
	var args []any
	exact := true

	for _, key := range filter.Keys() {
		value, _ := filter.Get(key)

		var c string
		var a []any
		var e bool

		switch {
		case key == "$and":
			c, a, e = w.list(value, depth, " AND ")
		case key == "$or":
			c, a, e = w.list(value, depth, " OR ")
		case gscPlainKey.MatchString(key):
			c, a, e = w.field(key, value)
		}

		exact = exact && e

		if c != "" {
			conds = append(conds, c)
			args = append(args, a...)
		}
	}

	if len(conds) == 0 {
		return "", nil, exact
	}

	return "(" + strings.Join(conds, " AND ") + ")", args, exact
}

// list: the conditions of an $and or $or array. For $or every branch must be understood.
func (w *gscWalk) list(value any, depth int, join string) (string, []any, bool) {
	list, ok := value.(*types.Array)
	if !ok || list.Len() == 0 {
		return "", nil, false
	}

	var conds []string
	var args []any
	exact := true

	for i := 0; i < list.Len(); i++ {
		item, _ := list.Get(i)

		doc, ok := item.(*types.Document)
		if !ok {
			return "", nil, false
		}

		// An empty document matches every document (build 18): in an $and it adds nothing (a scope
		// that sees everything beside the query's own conditions, which were all dropped before);
		// in an $or the whole $or narrows nothing.
		if doc.Len() == 0 {
			if join == " OR " {
				return "", nil, false
			}

			continue
		}

		c, a, e := w.document(doc, depth+1)
		exact = exact && e

		if c == "" {
			if join == " OR " {
				return "", nil, false
			}

			continue
		}

		conds = append(conds, c)
		args = append(args, a...)
	}

	if len(conds) == 0 {
		return "", nil, false
	}

	return "(" + strings.Join(conds, join) + ")", args, exact
}

// field: the conditions on one top-level field.
func (w *gscWalk) field(key string, value any) (string, []any, bool) {
	ops, ok := value.(*types.Document)
	if !ok {
		return w.compare(key, "=", value)
	}

	if ops.Len() == 0 {
		return "", nil, false
	}

	var conds []string
	var args []any
	exact := true

	for _, op := range ops.Keys() {
		if !strings.HasPrefix(op, "$") {
			return "", nil, false // an embedded document to match whole
		}

		bound, _ := ops.Get(op)

		var c string
		var a []any
		e := false

		switch op {
		case "$eq":
			c, a, e = w.compare(key, "=", bound)
		case "$gt":
			c, a, e = w.compare(key, ">", bound)
		case "$gte":
			c, a, e = w.compare(key, ">=", bound)
		case "$lt":
			c, a, e = w.compare(key, "<", bound)
		case "$lte":
			c, a, e = w.compare(key, "<=", bound)
		case "$in":
			c, a, e = w.in(key, bound)
		case "$type":
			e = gscTypeImplied(ops, bound)
		}

		exact = exact && e

		if c != "" {
			conds = append(conds, c)
			args = append(args, a...)
		}
	}

	if len(conds) == 0 {
		return "", nil, false
	}

	return strings.Join(conds, " AND "), args, exact
}

// gscTypeImplied: whether a `$type` beside a comparison of the same field adds nothing (build 19).
// MongoDB uses a partial index on `{f: {$type: 'date'}}` only for a query that names that `$type`
// (its planner's isSubsetOf does not derive it from `f <= date`), so the read models' queries name
// it; a comparison with a date (or number) bound matches only dates (numbers) already, MongoDB's
// type bracketing, so the `$type` needs no condition and leaves the filter as exact as it was.
func gscTypeImplied(ops *types.Document, named any) bool {
	want, _ := named.(string)
	if want != "date" && want != "number" {
		return false
	}

	for _, op := range []string{"$eq", "$gt", "$gte", "$lt", "$lte"} {
		if bound, err := ops.Get(op); err == nil {
			if _, kind := gscScalar(bound); kind == want {
				return true
			}
		}
	}

	return false
}
