// gov-service-cases: the pre-filter's conditions on one top-level field (gsc_prefilter.go):
// comparisons and $in with numbers, dates, strings and booleans, as ranges over the field's
// expression index where they can be (null: gsc_null.go); copied into internal/backends/sqlite by
// scripts/ensure-ferretdb.sh.

package sqlite

import (
	"strings"
	"time"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
)

// gscScalar: the SQL value of a bound and its class: number, date (as milliseconds, a number to
// SQLite), text, or bool (1 or 0, a number to SQLite).
func gscScalar(bound any) (any, string) {
	switch b := bound.(type) {
	case float64:
		return b, "number"
	case int32:
		return int64(b), "number"
	case int64:
		return b, "number"
	case time.Time:
		return b.UnixMilli(), "date"
	case string:
		return b, "text"
	case bool:
		if b {
			return int64(1), "bool"
		}

		return int64(0), "bool"
	default:
		return nil, ""
	}
}

// gscExpr is the value of a top-level field as SQLite sees it: the expression metadata.GscIndexStatements indexes.
// json_extract gives numbers (dates as milliseconds, booleans as 0/1) as numbers, strings as text,
// arrays and objects as their JSON text, null and missing as NULL. SQLite orders every number
// before every text, so E at or above the empty text is "E is text" and `E >= '[' AND E < '\'` holds every array.
func gscExpr(key string) string { return metadata.GscExpr(key) }

// gscKeep is what a comparison must keep besides its matches: for a number (or date) bound every
// text (an array, or a double FerretDB stores as text); for a string bound every array.
func gscKeep(e, kind string) string {
	if kind != "text" {
		return e + " >= ''"
	}

	return "(" + e + " >= '[' AND " + e + " < '\\')"
}

// compare keeps the documents whose field compares as asked, and those gscKeep names: each
// part a range over the field's expression index, so SQLite reads only those rows. When the
// field holds nothing but null or the bound's class (w.probe), the comparison alone is exact.
func (w *gscWalk) compare(key, op string, bound any) (string, []any, bool) {
	if _, ok := bound.(types.NullType); ok && op == "=" {
		return w.null(key)
	}

	v, kind := gscScalar(bound)
	if kind == "" || (kind == "bool" && op != "=") {
		return "", nil, false
	}

	if kind == "text" && op == "=" && !w.typesKnown(key) {
		c, a := w.textPerRow(key, []any{v})
		return c, a, true
	}

	e := gscExpr(key)
	if kind == "text" && op == "=" && w.demote(key, bound) {
		e = "+" + e // unary plus: the same value, no index (gscHasUpperRange, gscDemote)
	}

	if w.probe.only(key, kind) {
		return e + " " + op + " ?", []any{v}, true
	}

	// A number above a number bound, or any text: one range.
	if (kind == "number" || kind == "date") && (op == ">" || op == ">=") {
		return e + " " + op + " ?", []any{v}, false
	}

	return "(" + e + " " + op + " ? OR " + gscKeep(e, kind) + ")", []any{v}, false
}

// in keeps the documents whose field is one of the strings (or numbers) listed, and those gscKeep
// names. An _id list of strings goes to the _id index (an _id is never an array).
func (w *gscWalk) in(key string, bound any) (string, []any, bool) {
	list, ok := bound.(*types.Array)
	if !ok || list.Len() == 0 || list.Len() > 500 {
		return "", nil, false
	}

	var args []any
	kind := ""
	withNull := false

	for i := 0; i < list.Len(); i++ {
		item, _ := list.Get(i)

		if _, ok := item.(types.NullType); ok {
			withNull = true
			continue
		}

		v, k := gscScalar(item)
		if k == "" || (kind != "" && k != kind) {
			return "", nil, false
		}

		kind = k

		if key == "_id" && k == "text" {
			b, err := sjson.MarshalSingleValue(item)
			if err != nil {
				return "", nil, false
			}

			v = string(b)
		}

		args = append(args, v)
	}

	if withNull {
		return w.inWithNull(key, kind, args)
	}

	if kind == "text" && key != "_id" && !w.typesKnown(key) {
		c, a := w.textPerRow(key, args)
		return c, a, true
	}

	marks := strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")

	exact := w.probe.only(key, kind)

	if key == "_id" && kind == "text" {
		return metadata.IDColumn + " IN (" + marks + ")", args, exact
	}

	e := gscExpr(key)
	if kind == "text" && w.demote(key, nil) {
		e = "+" + e
	}

	if exact {
		return e + " IN (" + marks + ")", args, true
	}

	return "(" + e + " IN (" + marks + ") OR " + gscKeep(e, kind) + ")", args, false
}
