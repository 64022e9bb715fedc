// gov-service-cases: one document's update atomic, as on MongoDB (build 10), copied into
// internal/handler by scripts/ensure-ferretdb.sh.
//
// FerretDB 1.x runs update, findAndModify and delete as a read (a query over the collection) and
// then a write by record, each in its own SQLite transaction. Two clients updating one document at
// once can both read it before either writes: one $inc is lost, or two processes both take a
// "free" lease ({_id, owner: null}) and are each told they hold it. Measured through the driver
// before this patch: 200 concurrent $inc left 27 to 177; 2 or 3 owners of one lease.
//
// These commands now hold a lock per collection from their read to their last write, so their
// read-modify-write steps do not interleave; SQLite serialises the writes anyway, and reads
// (find, aggregate) do not take it. test/ferretdb/atomic-update.spec.ts checks it.

package handler

import "sync"

// gscCollectionLocks: "database.collection" → *sync.Mutex, made on first use.
var gscCollectionLocks sync.Map

// gscLockCollection locks the collection's read-modify-write commands; call the result to unlock.
func gscLockCollection(db, collection string) func() {
	l, _ := gscCollectionLocks.LoadOrStore(db+"."+collection, new(sync.Mutex))
	mu := l.(*sync.Mutex)
	mu.Lock()

	return mu.Unlock
}
