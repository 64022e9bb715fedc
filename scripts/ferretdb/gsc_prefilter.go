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

	return gscDocument(filter, 0)
}

// gscDocument: all of the document's conditions (an implicit $and).
func gscDocument(filter *types.Document, depth int) (string, []any) {
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
			c, a = gscList(value, depth, " AND ")
		case key == "$or":
			c, a = gscList(value, depth, " OR ")
		case gscPlainKey.MatchString(key):
			c, a = gscField(key, value)
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
func gscList(value any, depth int, join string) (string, []any) {
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

		c, a := gscDocument(doc, depth+1)
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
func gscField(key string, value any) (string, []any) {
	ops, ok := value.(*types.Document)
	if !ok {
		return gscCompare(key, "=", value)
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
			c, a = gscCompare(key, "=", bound)
		case "$gt":
			c, a = gscCompare(key, ">", bound)
		case "$gte":
			c, a = gscCompare(key, ">=", bound)
		case "$lt":
			c, a = gscCompare(key, "<", bound)
		case "$lte":
			c, a = gscCompare(key, "<=", bound)
		case "$in":
			c, a = gscIn(key, bound)
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

func gscPath(key string) string { return "'$." + key + "'" }

// gscCompare keeps the documents whose field compares as asked, holds an array, or (for numbers)
// holds text that might be a special double.
func gscCompare(key, op string, bound any) (string, []any) {
	v, kind := gscScalar(bound)
	if kind == "" {
		return "", nil
	}

	path := gscPath(key)
	typ := "json_type(" + metadata.DefaultColumn + ", " + path + ")"
	val := "json_extract(" + metadata.DefaultColumn + ", " + path + ")"

	if kind == "number" {
		return "((" + typ + " IN ('integer','real') AND " + val + " " + op + " ?) OR " + typ + " IN ('array','text'))", []any{v}
	}

	return "((" + typ + " = 'text' AND " + val + " " + op + " ?) OR " + typ + " = 'array')", []any{v}
}

// gscIn keeps the documents whose field is one of the strings (or numbers) listed, or holds an array.
// An _id list of strings goes to the _id index (an _id is never an array).
func gscIn(key string, bound any) (string, []any) {
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

	path := gscPath(key)
	typ := "json_type(" + metadata.DefaultColumn + ", " + path + ")"
	val := "json_extract(" + metadata.DefaultColumn + ", " + path + ")"

	if kind == "number" {
		return "((" + typ + " IN ('integer','real') AND " + val + " IN (" + marks + ")) OR " + typ + " IN ('array','text'))", args
	}

	return "((" + typ + " = 'text' AND " + val + " IN (" + marks + ")) OR " + typ + " = 'array')", args
}
