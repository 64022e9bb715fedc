// gov-service-cases: the SQLite expression indexes of an index (GscIndexStatements) built before
// IndexesCreate takes the registry's lock, copied into internal/backends/sqlite/metadata by
// scripts/ensure-ferretdb.sh (build 14); then the unique ones (gsc_unique_prebuild.go, build 15).

package metadata

import (
	"context"
	"sync"
)

// gscGates holds a gate per database (*sync.RWMutex): the backend's writes (InsertAll, UpdateAll
// and DeleteAll of ../collection.go) hold it shared, each statement of gscPrebuildIndexes alone.
var gscGates sync.Map

func gscGate(dbName string) *sync.RWMutex {
	if g, ok := gscGates.Load(dbName); ok {
		return g.(*sync.RWMutex)
	}

	g, _ := gscGates.LoadOrStore(dbName, new(sync.RWMutex))

	return g.(*sync.RWMutex)
}

// GscWriting holds the database's gate for a write until the function it returns is called.
func GscWriting(dbName string) func() {
	g := gscGate(dbName)
	g.RLock()

	return g.RUnlock
}

// gscPrebuildIndexes runs GscIndexStatements for the indexes of an existing collection without the
// registry's lock. Every query and insert of every collection takes that lock (CollectionGet,
// CollectionCreate), and IndexesCreate holds it while the statements scan the table: a rebuild's
// createIndexes on a loaded collection (case_views at 10,000 cases: about 14 s) stalled every read
// of the other collections until it ended. Here SQLite alone locks, and only its writers: readers go
// on under WAL. A writer needs SQLite's one write lock, which the statements take one after the
// other; SQLite's busy handler polls (sleeping up to 100 ms), so a waiting writer never found it
// free and waited for the whole command, failing at busy_timeout (10 s). So each statement holds
// the database's gate alone and writes hold it shared: a writer waits in Go for the statement under
// way, the writers waiting go in when it ends (Go's RWMutex lets no new one in while the next
// statement waits), and the lock passes with no poll's sleep in between.
//
// Nothing here is authoritative: the statements are CREATE INDEX IF NOT EXISTS (and a DROP INDEX IF
// EXISTS of build 4's index), which indexesCreate runs again under the lock, where they find the
// indexes built and return at once; one that failed here (the collection dropped meanwhile) fails
// or succeeds there as it did before this build, and is reported there. A collection that does not
// exist yet is created under the lock, empty, so its indexes cost nothing there.
func (r *Registry) gscPrebuildIndexes(ctx context.Context, dbName, collectionName string, indexes []IndexInfo) {
	c := r.CollectionGet(ctx, dbName, collectionName)
	if c == nil {
		return
	}

	db := r.DatabaseGetExisting(ctx, dbName)
	if db == nil {
		return
	}

	gate := gscGate(dbName)

	for _, index := range indexes {
		for _, stmt := range GscIndexStatements(c.TableName, index.Key) {
			gate.Lock()
			_, err := db.ExecContext(ctx, stmt)
			gate.Unlock()

			if err != nil {
				return
			}
		}
	}

	r.gscPrebuildUniqueIndexes(ctx, db, dbName, c, indexes) // build 15
}
