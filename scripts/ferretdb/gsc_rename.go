// gov-service-cases: renameCollection with dropTarget on the SQLite backend (issue 19; FerretDB
// issue 2565), copied into internal/backends/sqlite by scripts/ensure-ferretdb.sh; the registry
// side is metadata/gsc_rename_registry.go.
//
// FerretDB 1.x answers "not implemented" for dropTarget, so a client renames the live collection
// aside and then the fresh one in, and between the two renames the collection is missing. Here the
// target's drop and the rename are one SQLite transaction under the registry lock
// (Registry.GscCollectionRenameOver): a reader finds the old collection or the new one. The handler
// passes dropTarget as RenameCollectionParams.GscDropTarget; other backends ignore it (and answer
// NamespaceExists when the target exists, as without dropTarget).

package sqlite

import (
	"context"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// gscRenameOver is RenameCollection with dropTarget: the target, if any, is replaced.
func (db *database) gscRenameOver(ctx context.Context, params *backends.RenameCollectionParams) error {
	renamed, err := db.r.GscCollectionRenameOver(ctx, db.name, params.OldName, params.NewName)
	if err != nil {
		return lazyerrors.Error(err)
	}

	if !renamed {
		return backends.NewError(
			backends.ErrorCodeCollectionDoesNotExist,
			lazyerrors.Errorf("old database %q or collection %q does not exist", db.name, params.OldName),
		)
	}

	return nil
}

// gscQueryAttempts bounds the retries of Query below (each needs another rename over in between).
const gscQueryAttempts = 3

// Query implements backends.Collection interface: FerretDB's Query (gscQueryOnce), asked again when
// the table it read from the registry was dropped before SQLite read it, by a rename over the
// collection (or a drop): the registry then names the new table (or no collection: no documents).
// Once SQLite has begun reading, its snapshot keeps the old table to the end of the query.
func (c *collection) Query(ctx context.Context, params *backends.QueryParams) (*backends.QueryResult, error) {
	for attempt := 1; ; attempt++ {
		res, err := c.gscQueryOnce(ctx, params)
		if err == nil || attempt == gscQueryAttempts || !strings.Contains(err.Error(), "no such table") {
			return res, err
		}
	}
}
