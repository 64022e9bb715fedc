// gov-service-cases: no pre-filter for a query pinned to one _id (build 8), copied into
// internal/backends/sqlite by scripts/ensure-ferretdb.sh.
//
// A filter with an _id equality on a string or ObjectID is answered from the _id index (fix 2 of
// the script), so it reads at most one row; the pre-filter could narrow nothing, yet planning it
// asks SQLite for the types of each compared field (gscProbe: an sqlite_master lookup and an index
// seek per type), several statements for each position-guarded write ({_id, _position}) of the
// projector. gscQuery returns no plan for such a query: FerretDB applies the whole filter, sort and
// limit to that row as unpatched.

package sqlite

import (
	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
)

// gscPinnedID: whether Query's WHERE already holds `_id = ?` (the same test as its own).
func gscPinnedID(params *backends.QueryParams) bool {
	if params.Filter.Len() == 0 {
		return false
	}

	switch v, _ := params.Filter.Get("_id"); v.(type) {
	case string, types.ObjectID:
		return true
	default:
		return false
	}
}
