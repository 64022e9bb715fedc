// gov-service-cases: unique indexes built before IndexesCreate takes the registry's lock, as the
// expression indexes are (gsc_index_prebuild.go); copied into internal/backends/sqlite/metadata by
// scripts/ensure-ferretdb.sh (build 15).

package metadata

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/FerretDB/FerretDB/internal/util/fsql"
)

// gscUniqueIndexStatement is the statement indexesCreate writes for a unique index, written the
// same way (registry.go). Should the two ever differ, gscCreateIndex finds the index it meets not
// as indexesCreate would build it, and builds it again under the lock: slower, never wrong.
func gscUniqueIndexStatement(tableName string, index IndexInfo) string {
	columns := make([]string, len(index.Key))
	for i, key := range index.Key {
		fields := strings.Split(key.Field, ".")
		for j, f := range fields {
			fields[j] = fmt.Sprintf("%q", f)
		}

		columns[i] = fmt.Sprintf("%s->%s", DefaultColumn, strings.Join(fields, "->"))
		if key.Descending {
			columns[i] += " DESC"
		}
	}

	return fmt.Sprintf("CREATE UNIQUE INDEX %q ON %q (%s)", tableName+"_"+index.Name, tableName, strings.Join(columns, ", "))
}

// gscListed is whether the collection's metadata lists an index of that name.
func gscListed(c *Collection, name string) bool {
	return slices.ContainsFunc(c.Settings.Indexes, func(i IndexInfo) bool { return i.Name == name })
}

// gscIndexSQL is the statement SQLite keeps for the index of that name ("" when there is none).
func gscIndexSQL(ctx context.Context, db *fsql.DB, name string) (string, error) {
	var stored sql.NullString

	err := db.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", name).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}

	return stored.String, err
}

// gscPrebuildUniqueIndexes builds, without the registry's lock, the unique indexes of this
// createIndexes that are neither registered nor in SQLite yet (a rebuild's case_timelines
// {caseId, revision}: 1.35 s of stalled reads at 54,000 documents under the lock, measured). Each
// statement holds the database's gate alone, as the expression indexes' do. If one fails (the
// documents hold a duplicate), those it built go again, so no unique index is left that
// FerretDB's metadata does not list; indexesCreate then fails on it under the lock as before.
func (r *Registry) gscPrebuildUniqueIndexes(ctx context.Context, db *fsql.DB, dbName string, c *Collection, indexes []IndexInfo) {
	gate := gscGate(dbName)

	var built []IndexInfo

	for _, index := range indexes {
		if !index.Unique || gscListed(c, index.Name) {
			continue
		}

		name := c.TableName + "_" + index.Name
		if stored, err := gscIndexSQL(ctx, db, name); err != nil || stored != "" {
			continue
		}

		gate.Lock()
		_, err := db.ExecContext(ctx, gscUniqueIndexStatement(c.TableName, index))
		gate.Unlock()

		if err != nil {
			// Not one that another createIndexes of this collection has registered meanwhile.
			now := r.CollectionGet(ctx, dbName, c.Name)
			for _, b := range built {
				if now != nil && gscListed(now, b.Name) {
					continue
				}

				gate.Lock()
				_, _ = db.ExecContext(ctx, fmt.Sprintf("DROP INDEX IF EXISTS %q", c.TableName+"_"+b.Name))
				gate.Unlock()
			}

			return
		}

		built = append(built, index)
	}
}

// gscCreateIndex runs indexesCreate's statement under the lock unless SQLite holds that very index
// already (built ahead by gscPrebuildUniqueIndexes); one of that name built otherwise (a crash
// between a build ahead and its registration, under other code) is dropped and built again.
func gscCreateIndex(ctx context.Context, db *fsql.DB, name, q string) error {
	stored, err := gscIndexSQL(ctx, db, name)
	if err != nil {
		return err
	}

	if stored == q {
		return nil
	}

	if stored != "" {
		if _, err = db.ExecContext(ctx, fmt.Sprintf("DROP INDEX %q", name)); err != nil {
			return err
		}
	}

	_, err = db.ExecContext(ctx, q)

	return err
}

// gscDropUnregisteredUnique runs where a failed indexesCreate rolls back, under the registry's lock:
// every unique index of the call that the registry does not list goes (built ahead and never
// reached under the lock, or created by the call: indexesDrop looks names up in the registry, which
// the call has not updated, so it dropped none of them), and none is left refusing writes unseen.
func (r *Registry) gscDropUnregisteredUnique(ctx context.Context, db *fsql.DB, dbName, collectionName string, indexes []IndexInfo) {
	c := r.collectionGet(dbName, collectionName)
	if c == nil {
		return
	}

	for _, index := range indexes {
		if index.Unique && !gscListed(c, index.Name) {
			_, _ = db.ExecContext(ctx, fmt.Sprintf("DROP INDEX IF EXISTS %q", c.TableName+"_"+index.Name))
		}
	}
}
