// gov-service-cases: equality with null, and equality with strings on a field of unknown types,
// for the pre-filter (gsc_prefilter.go) and the sort pushdown (gsc_sort.go); copied into
// internal/backends/sqlite by scripts/ensure-ferretdb.sh (build 6).
//
// MongoDB (and FerretDB) match {f: null} when f is missing, null, or an array holding null; sjson
// stores no other type as JSON null, so json_extract is NULL exactly for the first two.

package sqlite

import (
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/types"
)

// gscAnyConjunct: whether some condition of the filter's conjunction (its keys, and those of the
// documents of its $and, nested) satisfies pred; $or and $nor are not walked into (they pin nothing).
// Shared by gscPinnedNull below and gscHasUpperRange (gsc_prefilter.go).
func gscAnyConjunct(filter *types.Document, depth int, pred func(key string, value any) bool) bool {
	if filter == nil || depth > 6 {
		return false
	}

	for _, key := range filter.Keys() {
		value, _ := filter.Get(key)

		if key != "$and" {
			if pred(key, value) {
				return true
			}

			continue
		}

		if list, ok := value.(*types.Array); ok {
			for i := 0; i < list.Len(); i++ {
				item, _ := list.Get(i)
				if doc, ok := item.(*types.Document); ok && gscAnyConjunct(doc, depth+1, pred) {
					return true
				}
			}
		}
	}

	return false
}

// gscPinnedNull: whether the filter's conjunction holds {field: null} or {field: {$eq: null}}, so
// that every document it matches has the field null or missing (arrays aside: a sorted field holds
// none, gscOrderBy) and ordering by the field orders nothing (gsc_sort.go leaves it out of ORDER BY:
// SQLite does not see that an `IS NULL` range of the (field, _id) index is already in _id order).
func gscPinnedNull(filter *types.Document, field string, depth int) bool {
	return gscAnyConjunct(filter, depth, func(key string, value any) bool {
		if key != field {
			return false
		}

		if ops, ok := value.(*types.Document); ok && ops.Len() == 1 {
			value, _ = ops.Get("$eq")
		}

		_, ok := value.(types.NullType)

		return ok
	})
}

// typesKnown: whether the probe reads the field's types (it has the build's type index).
func (w *gscWalk) typesKnown(key string) bool {
	_, ok := w.probe.fieldTypes(key)
	return ok
}

// textPerRow: equality with one of the strings listed (args), for a field whose types the probe
// cannot read (no index names it, so no index is lost): exact, row by row, from the stored type
// (GscTypeExpr) of the value, or of each element of an array (MongoDB matches an element; an
// element that is itself an array does not count): an ObjectID, a binary or a regex is text to
// json_extract too, and must not match.
func (w *gscWalk) textPerRow(key string, args []any) (string, []any) {
	col := metadata.DefaultColumn
	e, t := gscExpr(key), metadata.GscTypeExpr(key)
	marks := strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")
	item := "json_extract(" + col + ", '$.\"$s\".p." + key + ".i[' || j.key || '].t')"

	return "((" + t + " = 'string' AND " + e + " IN (" + marks + ")) OR (" + t + " = 'array' AND EXISTS (" +
			"SELECT 1 FROM json_each(" + col + ", '$." + key + "') AS j WHERE j.type = 'text' AND j.value IN (" +
			marks + ") AND " + item + " = 'string')))",
		append(append([]any{}, args...), args...)
}

// noArray: whether the probe shows that no value of the field is an array (then an equality with
// null is exactly "missing or null").
func (w *gscWalk) noArray(key string) bool {
	ts, ok := w.probe.fieldTypes(key)
	if !ok {
		return false
	}

	for _, t := range ts {
		if t == "array" {
			return false
		}
	}

	return true
}

// null: {f: null} or {f: {$eq: null}}: the field missing or null (E IS NULL, a range of the
// field's expression index), and every array (one may hold null) unless the field holds none.
func (w *gscWalk) null(key string) (string, []any, bool) {
	e := gscExpr(key)
	if w.demote(key, nil) {
		e = "+" + e
	}

	if w.noArray(key) {
		return e + " IS NULL", nil, true
	}

	return "(" + e + " IS NULL OR " + gscKeep(e, "text") + ")", nil, false
}

// inWithNull: an $in listing null and values of one class (args; none: kind ""): the field missing
// or null, or one of the values, or what gscKeep names for the class (every array among it). Exact
// when the field holds nothing but null or that class.
func (w *gscWalk) inWithNull(key, kind string, args []any) (string, []any, bool) {
	if kind == "" {
		return w.null(key)
	}

	if key == "_id" && kind == "text" {
		return "", nil, false // listed _id strings are compared as stored sjson text (in)
	}

	e := gscExpr(key)
	if w.demote(key, nil) {
		e = "+" + e
	}

	marks := strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")
	cond := e + " IS NULL OR " + e + " IN (" + marks + ")"

	if w.probe.only(key, kind) {
		return "(" + cond + ")", args, true
	}

	return "(" + cond + " OR " + gscKeep(e, kind) + ")", args, false
}
