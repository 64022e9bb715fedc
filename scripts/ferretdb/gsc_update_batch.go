// gov-service-cases: an update command's modified documents written in one SQLite transaction,
// copied into internal/handler by scripts/ensure-ferretdb.sh (build 8).
//
// FerretDB 1.x writes each modified document of an update command in its own transaction
// (common.UpdateDocument calls UpdateAll with one document), so a projector's chunk of 50
// replaceOne/updateOne costs 50 BEGIN/COMMIT pairs, each a WAL append. Here the command's
// collection is wrapped (gscDeferred) so that UpdateAll only collects the documents, and they are
// written together (UpdateAll with all of them: one transaction) when the command ends, and
// earlier whenever the next update statement could read one of them:
//   - its filter's _id is not a string or ObjectID equality (a range, $in, a number whose
//     equal values may differ in type, no _id at all: its query may see any document), or
//   - its _id is one collected already (two updates of one document in one command), or
//   - it may upsert (the insert is written at once, as before; the collected writes go first).
// Otherwise the statement's query cannot see a collected document (_id is unique and not
// updatable), so what it reads is what it would have read had they been written.
//
// Errors keep FerretDB 1.24.2's semantics (ordered or not, the command stops at its first error,
// TODO FerretDB#2612; the statements before it stay applied): a statement's error writes what was
// collected before it is reported; if the single transaction fails, it is rolled back and the
// documents are written one transaction each in order, as unpatched, so those before a failing
// one stay written and its error is the one reported.
// test/ferretdb/update-batch.spec.ts checks this through the driver.

package handler

import (
	"context"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/handler/common"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// gscDeferred is a collection whose UpdateAll collects documents until flush.
type gscDeferred struct {
	backends.Collection

	pending []*types.Document
	ids     map[string]struct{}
}

// gscIDKey: the key of a string or ObjectID _id, or false for any other value.
func gscIDKey(v any) (string, bool) {
	switch id := v.(type) {
	case string:
		return "s" + id, true
	case types.ObjectID:
		return "o" + string(id[:]), true
	default:
		return "", false
	}
}

// UpdateAll collects the documents; their count is returned as updated (the caller ignores it).
func (d *gscDeferred) UpdateAll(_ context.Context, params *backends.UpdateAllParams) (*backends.UpdateAllResult, error) {
	for _, doc := range params.Docs {
		id, _ := doc.Get("_id")
		if key, ok := gscIDKey(id); ok {
			d.ids[key] = struct{}{}
		}

		d.pending = append(d.pending, doc)
	}

	return &backends.UpdateAllResult{Updated: int32(len(params.Docs))}, nil
}

// before: writes the collected documents first if the update statement u could read one of them.
func (d *gscDeferred) before(ctx context.Context, u *common.Update) error {
	if len(d.pending) == 0 {
		return nil
	}

	if !u.Upsert && u.Filter != nil {
		v, _ := u.Filter.Get("_id")
		if key, ok := gscIDKey(v); ok {
			if _, seen := d.ids[key]; !seen {
				return nil
			}
		}
	}

	return d.flush(ctx)
}

// flush writes the collected documents in one transaction, or, if that fails, one by one in
// order (as unpatched), returning the first error.
func (d *gscDeferred) flush(ctx context.Context) error {
	docs := d.pending
	d.pending = nil
	clear(d.ids)

	if len(docs) == 0 {
		return nil
	}

	if len(docs) > 1 {
		if _, err := d.Collection.UpdateAll(ctx, &backends.UpdateAllParams{Docs: docs}); err == nil {
			return nil
		}
	}

	for _, doc := range docs {
		if _, err := d.Collection.UpdateAll(ctx, &backends.UpdateAllParams{Docs: []*types.Document{doc}}); err != nil {
			return lazyerrors.Error(err)
		}
	}

	return nil
}

// updateDocument runs the command's update statements (msg_update.go's loop, renamed
// gscUpdateStatements by scripts/ensure-ferretdb.sh) with the deferred collection, then writes
// what was collected, also after an error: the statements before it stay applied, as unpatched.
func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {
	// Reads, writes and the final flush under one lock (gsc_atomic_update.go, build 10).
	defer gscLockCollection(params.DB, params.Collection)()

	gsc := &gscDeferred{ids: map[string]struct{}{}}

	matched, modified, upserted, err := h.gscUpdateStatements(ctx, params, gsc)

	// The collected documents precede the failing statement: an error of theirs comes first.
	if ferr := gsc.flush(ctx); ferr != nil {
		return 0, 0, nil, ferr
	}

	return matched, modified, upserted, err
}
