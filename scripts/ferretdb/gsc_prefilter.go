// gov-service-cases: a pre-filter pushed down to SQLite (cf. FerretDB issue 1875), copied into
// internal/backends/sqlite by scripts/ensure-ferretdb.sh.
//
// FerretDB 1.x decodes every document of a collection (tens of microseconds each) and applies the
// filter in Go, whatever the filter. The handler still applies the whole filter, the sort and the
// limit to whatever the backend returns, so the backend may return any SUPERSET of the matching
// documents. This file turns the parts of a filter it understands into an SQL condition that every
// matching document satisfies, so SQLite skips the others before they are decoded:
//   - comparisons ($eq, $gt, $gte, $lt, $lte, and plain equality) of a top-level field with a
//     number, a date (stored as milliseconds) or a string;
//   - $in of strings or numbers; $and (all of them), $or (any of them, when each is understood).
// A document is kept whenever the field holds an array (MongoDB matches an element) or a value of
// a type the comparison cannot exclude; what is not understood keeps every document. It never
// narrows what MongoDB would match, which test/ferretdb/prefilter-differential.spec.ts checks
// against the same queries with the pre-filter off (GSC_FERRETDB_PREFILTER=off).

package sqlite

import (
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
)

var gscPrefilterOff = os.Getenv("GSC_FERRETDB_PREFILTER") == "off"

// Only plain field names are embedded in a JSON path.
var gscPlainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// gscPrefilter returns a condition (and its arguments) every document matching filter satisfies,
// or "" when it cannot tell.
func gscPrefilter(filter *types.Document) (string, []any) {
	if gscPrefilterOff || filter == nil || filter.Len() == 0 {
		return "", nil
	}

	return gscDocument(filter, 0, gscHasUpperRange(filter, 0))
}

// gscHasUpperRange: whether the filter's conjunction bounds a field from above by a number or date
// ("deadline before now", "nextCheckAt at or before now"). Without statistics SQLite cannot tell
// which index narrows more; such a range is what the read models' queries narrow by, so equality
// on text (a center, a department) is then kept off the indexes and the range's index is used.
func gscHasUpperRange(filter *types.Document, depth int) bool {
	if depth > 6 {
		return false
	}

	for _, key := range filter.Keys() {
		value, _ := filter.Get(key)

		if key == "$and" {
			if list, ok := value.(*types.Array); ok {
				for i := 0; i < list.Len(); i++ {
					item, _ := list.Get(i)
					if doc, ok := item.(*types.Document); ok && gscHasUpperRange(doc, depth+1) {
						return true
					}
				}
			}

			continue
		}

		ops, ok := value.(*types.Document)
		if !ok || !gscPlainKey.MatchString(key) {
			continue
		}

		for _, op := range []string{"$lt", "$lte"} {
			if bound, err := ops.Get(op); err == nil {
				if _, kind := gscScalar(bound); kind == "number" {
					return true
				}
			}
		}
	}

	return false
}

// gscDocument: all of the document's conditions (an implicit $and).
func gscDocument(filter *types.Document, depth int, demote bool) (string, []any) {
	if depth > 6 {
		return "", nil
	}

	var conds []string
	var args []any

	for _, key := range filter.Keys() {
		value, _ := filter.Get(key)

		var c string
		var a []any

		switch {
		case key == "$and":
			c, a = gscList(value, depth, " AND ", demote)
		case key == "$or":
			c, a = gscList(value, depth, " OR ", demote)
		case gscPlainKey.MatchString(key):
			c, a = gscField(key, value, demote)
		}

		if c != "" {
			conds = append(conds, c)
			args = append(args, a...)
		}
	}

	if len(conds) == 0 {
		return "", nil
	}

	return "(" + strings.Join(conds, " AND ") + ")", args
}

// gscList: the conditions of an $and or $or array. For $or every branch must be understood.
func gscList(value any, depth int, join string, demote bool) (string, []any) {
	list, ok := value.(*types.Array)
	if !ok || list.Len() == 0 {
		return "", nil
	}

	var conds []string
	var args []any

	for i := 0; i < list.Len(); i++ {
		item, _ := list.Get(i)

		doc, ok := item.(*types.Document)
		if !ok {
			return "", nil
		}

		c, a := gscDocument(doc, depth+1, demote)
		if c == "" {
			if join == " OR " {
				return "", nil
			}

			continue
		}

		conds = append(conds, c)
		args = append(args, a...)
	}

	if len(conds) == 0 {
		return "", nil
	}

	return "(" + strings.Join(conds, join) + ")", args
}

// gscField: the conditions on one top-level field.
func gscField(key string, value any, demote bool) (string, []any) {
	ops, ok := value.(*types.Document)
	if !ok {
		return gscCompare(key, "=", value, demote)
	}

	var conds []string
	var args []any

	for _, op := range ops.Keys() {
		if !strings.HasPrefix(op, "$") {
			return "", nil // an embedded document to match whole
		}

		bound, _ := ops.Get(op)

		var c string
		var a []any

		switch op {
		case "$eq":
			c, a = gscCompare(key, "=", bound, demote)
		case "$gt":
			c, a = gscCompare(key, ">", bound, demote)
		case "$gte":
			c, a = gscCompare(key, ">=", bound, demote)
		case "$lt":
			c, a = gscCompare(key, "<", bound, demote)
		case "$lte":
			c, a = gscCompare(key, "<=", bound, demote)
		case "$in":
			c, a = gscIn(key, bound, demote)
		}

		if c != "" {
			conds = append(conds, c)
			args = append(args, a...)
		}
	}

	if len(conds) == 0 {
		return "", nil
	}

	return strings.Join(conds, " AND "), args
}

// gscScalar: the SQL value of a bound and whether it is a number (dates as milliseconds) or text.
func gscScalar(bound any) (any, string) {
	switch b := bound.(type) {
	case float64:
		return b, "number"
	case int32:
		return int64(b), "number"
	case int64:
		return b, "number"
	case time.Time:
		return b.UnixMilli(), "number"
	case string:
		return b, "text"
	default:
		return nil, ""
	}
}

// gscExpr is the value of a top-level field as SQLite sees it: the expression metadata.GscIndexStatements indexes.
// json_extract gives numbers (dates as milliseconds, booleans as 0/1) as numbers, strings as text,
// arrays and objects as their JSON text, null and missing as NULL. SQLite orders every number
// before every text, so `E >= ''` is "E is text" and `E >= '[' AND E < '\'` holds every array.
func gscExpr(key string) string { return metadata.GscExpr(key) }

// gscKeep is what a comparison must keep besides its matches: for a number (or date) bound every
// text (an array, or a double FerretDB stores as text); for a string bound every array.
func gscKeep(e, kind string) string {
	if kind == "number" {
		return e + " >= ''"
	}

	return "(" + e + " >= '[' AND " + e + " < '\\')"
}

// gscCompare keeps the documents whose field compares as asked, and those gscKeep names: each
// part a range over the field's expression index, so SQLite reads only those rows.
func gscCompare(key, op string, bound any, demote bool) (string, []any) {
	v, kind := gscScalar(bound)
	if kind == "" {
		return "", nil
	}

	e := gscExpr(key)
	if demote && kind == "text" && op == "=" {
		e = "+" + e // unary plus: the same value, no index (gscHasUpperRange)
	}

	// A number above a number bound, or any text: one range.
	if kind == "number" && (op == ">" || op == ">=") {
		return e + " " + op + " ?", []any{v}
	}

	return "(" + e + " " + op + " ? OR " + gscKeep(e, kind) + ")", []any{v}
}

// gscIn keeps the documents whose field is one of the strings (or numbers) listed, and those gscKeep
// names. An _id list of strings goes to the _id index (an _id is never an array).
func gscIn(key string, bound any, demote bool) (string, []any) {
	list, ok := bound.(*types.Array)
	if !ok || list.Len() == 0 || list.Len() > 500 {
		return "", nil
	}

	var args []any
	kind := ""

	for i := 0; i < list.Len(); i++ {
		item, _ := list.Get(i)

		v, k := gscScalar(item)
		if k == "" || (kind != "" && k != kind) {
			return "", nil
		}

		kind = k

		if key == "_id" && k == "text" {
			b, err := sjson.MarshalSingleValue(item)
			if err != nil {
				return "", nil
			}

			v = string(b)
		}

		args = append(args, v)
	}

	marks := strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")

	if key == "_id" && kind == "text" {
		return metadata.IDColumn + " IN (" + marks + ")", args
	}

	e := gscExpr(key)
	if demote && kind == "text" {
		e = "+" + e
	}

	return "(" + e + " IN (" + marks + ") OR " + gscKeep(e, kind) + ")", args
}
