// gov-service-cases: renameCollection with dropTarget, in the SQLite metadata registry (issue 19;
// FerretDB issue 2565), copied into internal/backends/sqlite/metadata by scripts/ensure-ferretdb.sh.
// The backend side is ../gsc_rename.go.

package metadata

import (
	"context"
	"fmt"

	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// GscCollectionRenameOver renames a collection over another, which may not exist, in one step: under
// the registry's write lock, one SQLite transaction deletes the target's metadata row, drops its
// table and renames the source's row. Readers find a collection's table under the read lock
// (CollectionGet), so they see the old collection or the renamed one, never none; a reader that read
// the old table name just before gets "no such table" and asks again (../gsc_rename.go).
//
// The renamed collection keeps its table (as CollectionRename). The returned boolean is false when
// the database or the source collection does not exist.
func (r *Registry) GscCollectionRenameOver(ctx context.Context, dbName, oldCollectionName, newCollectionName string) (bool, error) {
	db := r.DatabaseGetExisting(ctx, dbName)
	if db == nil {
		return false, nil
	}

	r.rw.Lock()
	defer r.rw.Unlock()

	c := r.collectionGet(dbName, oldCollectionName)
	if c == nil {
		return false, nil
	}

	target := r.collectionGet(dbName, newCollectionName)

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		if target != nil {
			q := fmt.Sprintf("DELETE FROM %q WHERE name = ?", metadataTableName)
			if _, err := tx.ExecContext(ctx, q, newCollectionName); err != nil {
				return lazyerrors.Error(err)
			}

			q = fmt.Sprintf("DROP TABLE %q", target.TableName)
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return lazyerrors.Error(err)
			}
		}

		q := fmt.Sprintf("UPDATE %q SET name = ? WHERE table_name = ?", metadataTableName)
		if _, err := tx.ExecContext(ctx, q, newCollectionName, c.TableName); err != nil {
			return lazyerrors.Error(err)
		}

		return nil
	})
	if err != nil {
		return false, lazyerrors.Error(err)
	}

	c.Name = newCollectionName
	r.colls[dbName][newCollectionName] = c
	delete(r.colls[dbName], oldCollectionName)

	return true, nil
}
