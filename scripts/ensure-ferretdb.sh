#!/usr/bin/env bash
# Installs FerretDB v1.24.2, the local MongoDB-wire read store (DESIGN.md "Read models"), into
# .tools/bin once; later runs see the right build there and return at once. It is built from the Go
# module proxy's source with this project's fixes and additions (scripts/ferretdb/*.go and the perl
# edits below), each proven by its tests before the build. Why each one exists, what it measured,
# and the list of builds: scripts/ferretdb/README.md.
# The projector stays correct on an unpatched FerretDB or on MongoDB; it writes in chunks of at
# most 50 updates (fix 3 is also worked around on the client side) and never needs more than
# find by _id, filters, sort, limit, bulkWrite, findOneAndUpdate with upsert and createIndexes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

VERSION=v1.24.2
# The build this script makes (each build: scripts/ferretdb/README.md "The builds").
PACKAGE=gov-service-cases-sqlite-fixes-23
BIN=.tools/bin/ferretdb

# The version is read into a variable, never piped into grep -q or head: under pipefail the binary
# would die of SIGPIPE (exit 141) once the reader stops early, failing the start or forcing a rebuild.
installed=""
if [ -x "$BIN" ]; then installed=$("$BIN" --version 2>/dev/null || true); fi
# Whole lines only: "package: ...-fixes-6" must not pass for a build named "...-fixes-6-broken".
nl=$'\n'
case "$nl$installed$nl" in
*"${nl}version: $VERSION$nl"*"${nl}package: $PACKAGE$nl"*) exit 0 ;;
esac

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<EOF
FerretDB (the local read store) is not installed in .tools/bin and Go is not available to build it.
Either install Go (https://go.dev/dl/, 1.22 or later) and run this again, or point the system at a
MongoDB-compatible server you already have, e.g.
    export MONGODB_URI=mongodb://127.0.0.1:27017/gov_service_cases
(MongoDB 6+ or FerretDB), and scripts/start uses it. The test command needs this FerretDB build
itself (its suites start and stop their own servers, as npm start does).
EOF
  exit 1
fi

# Build 21 compiles SQLite's C with cgo (github.com/mattn/go-sqlite3), which needs a C compiler.
if ! command -v gcc >/dev/null 2>&1; then
  echo "FerretDB's build (SQLite through cgo) needs gcc: apt-get install -y gcc" >&2
  exit 1
fi
# SQLite as FerretDB needs it: the dbstat table (collStats, dbStats) and, as modernc built it, no
# memory statistics (a mutex on every allocation otherwise). The tests below build with the same.
export CGO_ENABLED=1
export CGO_CFLAGS="-O2 -DSQLITE_DEFAULT_MEMSTATUS=0"
GSC_TAGS=sqlite_dbstat

echo "building FerretDB $VERSION into .tools/bin (once; a few minutes on two cores)…"
src=$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src" ]; then
  echo "could not download github.com/FerretDB/FerretDB@$VERSION from the Go module proxy" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -R "$src" "$work/ferretdb"
chmod -R u+w "$work/ferretdb"
cd "$work/ferretdb"

echo "$VERSION" >build/version/version.txt
echo "$PACKAGE" >build/version/package.txt

# Fix 1: query on the expression the _id index is built on.
perl -pi -e "s|IDColumn = DefaultColumn \+ \"->'\\\$\._id'\"|IDColumn = DefaultColumn + \"->'_id'\"|" \
  internal/backends/sqlite/metadata/metadata.go
# Fix 2: push an _id equality down whatever else the filter says.
perl -pi -e 's|if params\.Filter\.Len\(\) == 1 \{|if params.Filter.Len() > 0 && params.Filter.Has("_id") {|' \
  internal/backends/sqlite/collection.go
# Fix 3: close each update's cursor when that update is done, not when the command is.
perl -0pi -e 's/(closer := iterator\.NewMultiCloser\(\)\n)\t\tdefer closer\.Close\(\)\n/$1/; s/(result, err := common\.UpdateDocument\(ctx, c, "update", iter, &u\)\n)/$1\t\tcloser.Close()\n/' \
  internal/handler/msg_update.go
# Fix 16 (build 16): types.Identical compared two documents' values in order but not their keys, so
# `$set: {f: {a: 1}}` over a stored `f: {x: 1}` (or `{a: null}` over `{x: null}`) was taken for no
# change and left `f` as it was (found by test/projector/unit-update.spec.ts's random documents). Its
# one caller is that `$set` check; MongoDB sets the field.
perl -pi -e 's/^\t\t\t_, aField, err := aIter\.Next\(\)$/\t\t\taKey, aField, err := aIter.Next()/; s/^\t\t\t_, bField, err := bIter\.Next\(\)$/\t\t\tbKey, bField, err := bIter.Next()/; s/^\t\t\tif !Identical\(aField, bField\) \{$/\t\t\tif aKey != bKey || !Identical(aField, bField) {/' \
  internal/types/identical.go

# Addition 4: the pre-filter, ANDed to the _id condition of a query (not of explain), and SQLite
# expression indexes per indexed top-level field (made whenever an index is asked for, existing or
# not, so stores built before get them at the projector's next start).
# Addition 5: sort and limit pushdown (scripts/ferretdb/gsc_sort.go): find passes its whole sort,
# filter and skip+limit to the backend (QueryParams.Gsc*), which orders (and, when its condition is
# exact, limits) in SQL and says so (QueryResult.GscSorted); find then does not sort again.
cp "$ROOT/scripts/ferretdb/gsc_prefilter.go" internal/backends/sqlite/gsc_prefilter.go
cp "$ROOT/scripts/ferretdb/gsc_prefilter_compare.go" internal/backends/sqlite/gsc_prefilter_compare.go
cp "$ROOT/scripts/ferretdb/gsc_sort.go" internal/backends/sqlite/gsc_sort.go
cp "$ROOT/scripts/ferretdb/gsc_null.go" internal/backends/sqlite/gsc_null.go
cp "$ROOT/scripts/ferretdb/gsc_indexes.go" internal/backends/sqlite/metadata/gsc_indexes.go
perl -0pi -e 's/(\tfor _, index := range indexes \{\n)(\t\tif slices\.ContainsFunc\(c\.Settings\.Indexes, func\(i IndexInfo\) bool \{ return index\.Name == i\.Name \}\) \{\n)/$1\t\tfor _, stmt := range GscIndexStatements(c.TableName, index.Key) {\n\t\t\tif _, err := db.ExecContext(ctx, stmt); err != nil {\n\t\t\t\treturn lazyerrors.Error(err)\n\t\t\t}\n\t\t}\n\n$2/' \
  internal/backends/sqlite/metadata/registry.go
perl -0pi -e 's/(\n\tq \+= whereClause\n)/\n\tgsc := gscQuery(ctx, db, meta.TableName, params)\n\tif gsc.where != "" {\n\t\tif whereClause == "" {\n\t\t\twhereClause = " WHERE " + gsc.where\n\t\t} else {\n\t\t\twhereClause += " AND " + gsc.where\n\t\t}\n\n\t\targs = append(args, gsc.args...)\n\t}\n\n\tif gsc.orderBy != "" {\n\t\twhereClause += " ORDER BY " + gsc.orderBy\n\t}\n\n\tif gsc.limit > 0 && params.Limit == 0 {\n\t\twhereClause += " LIMIT ?"\n\t\targs = append(args, gsc.limit)\n\t}\n$1/; s/(\t\tIter: newQueryIterator\(ctx, rows, params\.OnlyRecordIDs\),\n)/$1\t\tGscSorted: gsc.sorted,\n/' \
  internal/backends/sqlite/collection.go
perl -0pi -e 's/(type QueryParams struct \{\n\tFilter \*types\.Document\n\tSort   \*types\.Document\n\tLimit  int64\n)/$1\n\tGscFilter *types.Document\n\tGscSort   *types.Document\n\tGscLimit  int64\n/; s/(type QueryResult struct \{\n\tIter types\.DocumentsIterator\n)/$1\tGscSorted bool\n/' \
  internal/backends/collection.go
perl -0pi -e 's/(\n\th\.L\.DebugContext\(ctx, fmt\.Sprintf\("Converted )/\n\tif !h.DisablePushdown && params.Sort.Len() > 0 && qp.Sort.Len() == 0 && !cInfo.Capped() {\n\t\tqp.GscFilter = params.Filter\n\t\tqp.GscSort = params.Sort\n\n\t\tif params.Limit > 0 {\n\t\t\tqp.GscLimit = params.Limit + params.Skip\n\t\t}\n\t}\n$1/; s/(\n\titer, err := h\.makeFindIter\(queryRes\.Iter, closer, )params\)/\n\titerParams := params\n\tif queryRes.GscSorted {\n\t\tsorted := *params\n\t\tsorted.Sort = nil\n\t\titerParams = &sorted\n\t}\n$1iterParams)/' \
  internal/handler/msg_find.go
# Addition 6 (build 8): an update command's modified documents in one transaction
# (scripts/ferretdb/gsc_update_batch.go): the statements' loop is renamed gscUpdateStatements and
# given the collecting collection; the file's updateDocument writes what it collected.
cp "$ROOT/scripts/ferretdb/gsc_update_batch.go" internal/handler/gsc_update_batch.go
# Addition 7 (build 8): no pre-filter planning (type probes) for a query pinned to one _id
# (scripts/ferretdb/gsc_pinned_id.go; gsc_sort.go's gscQuery calls it).
cp "$ROOT/scripts/ferretdb/gsc_pinned_id.go" internal/backends/sqlite/gsc_pinned_id.go
# Addition 8 (build 8): GOGC 400 unless set (scripts/ferretdb/gsc_gc.go).
cp "$ROOT/scripts/ferretdb/gsc_gc.go" cmd/ferretdb/gsc_gc.go
perl -0pi -e 's/func \(h \*Handler\) updateDocument\(ctx context\.Context, params \*common\.UpdateParams\)/func (h *Handler) gscUpdateStatements(ctx context.Context, params *common.UpdateParams, gsc *gscDeferred)/; s/(\t\tvar qp backends\.QueryParams\n)/\t\tgsc.Collection = c\n\t\tif err = gsc.before(ctx, &u); err != nil {\n\t\t\treturn 0, 0, nil, err\n\t\t}\n\n$1/; s/common\.UpdateDocument\(ctx, c, "update", iter, &u\)/common.UpdateDocument(ctx, gsc, "update", iter, &u)/' \
  internal/handler/msg_update.go

# Addition 10 (build 10): update (gsc_update_batch.go's updateDocument), findAndModify and delete
# hold a lock per collection from their read to their last write (scripts/ferretdb/
# gsc_atomic_update.go): one document's update is atomic, as on MongoDB, which the leases need.
cp "$ROOT/scripts/ferretdb/gsc_atomic_update.go" internal/handler/gsc_atomic_update.go
perl -0pi -e 's/(func \(h \*Handler\) findAndModifyDocument\(ctx context\.Context, params \*common\.FindAndModifyParams\) \(\*findAndModifyResult, error\) \{\n)/$1\tdefer gscLockCollection(params.DB, params.Collection)()\n\n/' \
  internal/handler/msg_findandmodify.go
perl -0pi -e 's/(\n\tvar deleted int32\n)/\n\tdefer gscLockCollection(params.DB, params.Collection)()\n$1/' \
  internal/handler/msg_delete.go

# Addition 9 (build 7): renameCollection with dropTarget (RenameCollectionParams.GscDropTarget), atomic on
# SQLite; the backend's Query becomes gscQueryOnce, wrapped by gsc_rename.go's Query.
cp "$ROOT/scripts/ferretdb/gsc_rename.go" internal/backends/sqlite/gsc_rename.go
cp "$ROOT/scripts/ferretdb/gsc_rename_registry.go" internal/backends/sqlite/metadata/gsc_rename_registry.go
perl -0pi -e 's/\t\/\/ implement dropTarget param\n\t\/\/ TODO https:\/\/github\.com\/FerretDB\/FerretDB\/issues\/2565\n\tif err = common\.UnimplementedNonDefault\(document, "dropTarget", func\(v any\) bool \{\n\t\tb, ok := v\.\(bool\)\n\t\treturn ok && !b\n\t\}\); err != nil \{\n\t\treturn nil, err\n\t\}\n/\tvar dropTarget bool\n\tif v, _ := document.Get("dropTarget"); v != nil {\n\t\tif dropTarget, err = handlerparams.GetBoolOptionalParam("dropTarget", v); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t}\n/; s/(\t\tNewName: newCName,\n)(\t\}\))/$1\t\tGscDropTarget: dropTarget,\n$2/' \
  internal/handler/msg_renamecollection.go
perl -0pi -e 's/(type RenameCollectionParams struct \{\n\tOldName string\n\tNewName string\n)/$1\tGscDropTarget bool\n/' \
  internal/backends/database.go
perl -0pi -e 's/(func \(db \*database\) RenameCollection\(ctx context\.Context, params \*backends\.RenameCollectionParams\) error \{\n)/$1\tif params.GscDropTarget {\n\t\treturn db.gscRenameOver(ctx, params)\n\t}\n\n/' \
  internal/backends/sqlite/database.go
perl -pi -e 's/^func \(c \*collection\) Query\(/func (c *collection) gscQueryOnce(/' internal/backends/sqlite/collection.go

# Addition 12 (build 11): a non-unique index is metadata only; dropping one that has no SQLite
# index is not an error.
perl -0pi -e 's/(\t\tif slices\.ContainsFunc\(c\.Settings\.Indexes, func\(i IndexInfo\) bool \{ return index\.Name == i\.Name \}\) \{\n\t\t\tcontinue\n\t\t\}\n)/$1\n\t\tif !index.Unique {\n\t\t\tcreated = append(created, index.Name)\n\t\t\tc.Settings.Indexes = append(c.Settings.Indexes, index)\n\n\t\t\tcontinue\n\t\t}\n/; s/q := fmt\.Sprintf\("DROP INDEX %q", c\.TableName\+"_"\+name\)/q := fmt.Sprintf("DROP INDEX IF EXISTS %q", c.TableName+"_"+name)/' \
  internal/backends/sqlite/metadata/registry.go
# collStats lists the indexes that have storage (it left an empty-named entry for each that has none).
perl -pi -e 's/^\t\tIndexSizes:      indexSizes,$/\t\tIndexSizes:      indexSizes[:i],/' internal/backends/sqlite/collection.go

# Addition 11 (build 11): resource tracking only in debug builds.
perl -0pi -e 's/(\nfunc Track\(obj any, token \*Token\) \{\n)/$1\tif !debugbuild.Enabled {\n\t\treturn\n\t}\n\n/; s/(\nfunc Untrack\(obj any, token \*Token\) \{\n)/$1\tif !debugbuild.Enabled {\n\t\treturn\n\t}\n\n/' \
  internal/util/resource/resource.go

# Addition 14 (build 14): IndexesCreate builds the SQLite expression indexes of an existing
# collection (GscIndexStatements) before it takes the registry's lock, which every query and insert
# of every collection also takes (scripts/ferretdb/gsc_index_prebuild.go): a rebuild's createIndexes
# no longer stalls the other collections' reads for the whole build; the backend's InsertAll,
# UpdateAll and DeleteAll hold a gate per database shared, each of the build's statements alone, so
# writers go in between the statements. Unique indexes, built by FerretDB's own code, stay under the lock.
cp "$ROOT/scripts/ferretdb/gsc_index_prebuild.go" internal/backends/sqlite/metadata/gsc_index_prebuild.go
perl -0pi -e 's/(func \(r \*Registry\) IndexesCreate\(ctx context\.Context, dbName, collectionName string, indexes \[\]IndexInfo\) error \{\n)(\tr\.rw\.Lock\(\)\n)/$1\tr.gscPrebuildIndexes(ctx, dbName, collectionName, indexes)\n\n$2/' \
  internal/backends/sqlite/metadata/registry.go
perl -0pi -e 's/(\nfunc \(c \*collection\) (?:InsertAll|UpdateAll|DeleteAll)\(ctx context\.Context, params \*backends\.\w+\) \(\*backends\.\w+, error\) \{\n)/$1\tdefer metadata.GscWriting(c.dbName)()\n\n/g' \
  internal/backends/sqlite/collection.go

# Addition 15 (build 15): unique indexes too are built before the registry's lock
# (scripts/ferretdb/gsc_unique_prebuild.go); under the lock, indexesCreate keeps one SQLite holds
# as it would build it and builds any other, and a failed call drops every unique index of it the
# registry does not list (FerretDB's own rollback looked the names up where the call had not yet
# put them).
cp "$ROOT/scripts/ferretdb/gsc_unique_prebuild.go" internal/backends/sqlite/metadata/gsc_unique_prebuild.go
perl -0pi -e 's/\t\tif _, err := db\.ExecContext\(ctx, q\); err != nil \{\n(\t\t\t_ = r\.indexesDrop\(ctx, dbName, collectionName, created\)\n)/\t\tif err := gscCreateIndex(ctx, db, c.TableName+"_"+index.Name, q); err != nil {\n$1/; s/(\t+)(_ = r\.indexesDrop\(ctx, dbName, collectionName, created\)\n)/$1$2$1r.gscDropUnregisteredUnique(ctx, db, dbName, collectionName, indexes)\n/g' \
  internal/backends/sqlite/metadata/registry.go

cp "$ROOT/scripts/ferretdb/gsc_jsonb.go" internal/backends/sqlite/gsc_jsonb.go
perl -pi -e 's/q \+= fmt\.Sprintf\("%\[1\]s TEXT NOT NULL CHECK\(%\[1\]s != \x27\x27\)\) STRICT", DefaultColumn\)/q += fmt.Sprintf("%[1]s ANY NOT NULL CHECK(%[1]s != \x27\x27)) STRICT", DefaultColumn)/' \
  internal/backends/sqlite/metadata/registry.go
perl -pi -e 's/(SELECT %s %s, %s FROM %q`, comment, metadata\.RecordIDColumn, )metadata\.DefaultColumn, table\)/${1}gscDocumentColumn, table)/; s/(SELECT %s %s FROM %q`, comment, )metadata\.DefaultColumn, table\)/${1}gscDocumentColumn, table)/' \
  internal/backends/sqlite/query.go
perl -0pi -e 's/(\tmeta := c\.r\.CollectionGet\(ctx, c\.dbName, c\.name\)\n)(\n\terr := db\.InTransaction\(ctx, func\(tx \*fsql\.Tx\) error \{\n\t\tbatchSize)/$1\tgscJSONB := gscStoresJSONB(ctx, db, c.dbName, meta.TableName)\n$2/; s/(\t\t\tq, args, err := prepareInsertStatement\(meta\.TableName, meta\.Capped\(\), batch\)\n)/$1\t\t\tq = gscInsertStatement(q, gscJSONB)\n/; s/q := fmt\.Sprintf\(`UPDATE %q SET %s = \? WHERE %s = \?`, meta\.TableName, metadata\.DefaultColumn, metadata\.IDColumn\)/gscJSONB := gscStoresJSONB(ctx, db, c.dbName, meta.TableName)\n\tq := fmt.Sprintf(`UPDATE %q SET %s = %s WHERE %s = ?`, meta.TableName, metadata.DefaultColumn, gscUpdateValue(gscJSONB), metadata.IDColumn)/' \
  internal/backends/sqlite/collection.go

# Addition 13 (build 12): a fast sjson codec (scripts/ferretdb/gsc_fast*.go): Unmarshal walks the
# stored bytes once, schema and values in lockstep, and Marshal writes schema and values in one pass,
# byte for byte as before; anything but the exact shape Marshal writes (and NaN/±Inf doubles,
# unknown types, duplicated keys on Marshal) goes to the original code, renamed
# gscUnmarshalOriginal/gscMarshalOriginal. GSC_FERRETDB_FASTCODEC=off uses the originals only.
for f in gsc_fast.go gsc_fast_decode.go gsc_fast_elements.go gsc_fast_scalars.go gsc_fast_scan.go \
  gsc_fast_encode.go gsc_fast_encode_keys.go gsc_fast_encode_json.go \
  gsc_fast_test.go gsc_fast_gen_test.go gsc_fast_caseview_test.go gsc_fast_parallel_test.go; do
  cp "$ROOT/scripts/ferretdb/$f" "internal/handler/sjson/$f"
done
perl -pi -e 's/^func Unmarshal\(data \[\]byte\) \(\*types\.Document, error\) \{$/func gscUnmarshalOriginal(data []byte) (*types.Document, error) {/; s/^func Marshal\(d \*types\.Document\) \(\[\]byte, error\) \{$/func gscMarshalOriginal(d *types.Document) ([]byte, error) {/' \
  internal/handler/sjson/sjson.go

# Addition 16 (build 21): SQLite's own C through github.com/mattn/go-sqlite3 (cgo) instead of
# modernc.org/sqlite, SQLite translated to Go (scripts/ferretdb/gsc_sqlite_driver.go registers it,
# running the URI's `_pragma` values as modernc does); the duplicate-key check reads mattn's error.
cp "$ROOT/scripts/ferretdb/gsc_sqlite_driver.go" internal/backends/sqlite/metadata/pool/gsc_sqlite_driver.go
perl -ni -e 'print unless m{^\t_ "modernc\.org/sqlite" // register database/sql driver$}' \
  internal/backends/sqlite/metadata/pool/opendb.go
perl -pi -e 's/sql\.Open\("sqlite", uri\)/sql.Open(gscDriverName, uri)/' internal/backends/sqlite/metadata/pool/opendb.go
perl -0pi -e 's{\tsqlite3 "modernc\.org/sqlite"\n\tsqlite3lib "modernc\.org/sqlite/lib"\n}{\tsqlite3 "github.com/mattn/go-sqlite3"\n}; s{var se \*sqlite3\.Error\n(\t+)if errors\.As\(err, &se\) && se\.Code\(\) == sqlite3lib\.SQLITE_CONSTRAINT_UNIQUE \{}{var se sqlite3.Error\n$1if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique \{}' \
  internal/backends/sqlite/collection.go
mattn=github.com/mattn/go-sqlite3@v1.14.53
GOFLAGS=-mod=mod go get "$mattn" >"$work/go-get.log" 2>&1 || {
  cat "$work/go-get.log" >&2
  echo "could not get $mattn from the Go module proxy" >&2
  exit 1
}

# Addition 17 (build 23): BSON read once. The wire module's check, renamed gscCheckOriginal, walks
# each section document's bytes instead of decoding it deeply to look for NaN
# (scripts/ferretdb/gsc_wire_check.go; the module is copied from the Go module proxy and used
# through a replace directive), and internal/bson's ToDocument, renamed gscToDocumentOriginal,
# reads a raw document straight into types values (scripts/ferretdb/gsc_bson_fast.go). Both leave
# anything they do not take to the original. GSC_FERRETDB_FASTBSON=off: the originals alone.
WIRE=github.com/FerretDB/wire@v0.0.8
wire_src=$(go mod download -json "$WIRE" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$wire_src" ] || [ ! -d "$wire_src" ]; then
  echo "could not download $WIRE from the Go module proxy" >&2
  exit 1
fi
cp -R "$wire_src" "$work/wire"
chmod -R u+w "$work/wire"
perl -pi -e 's/^func \(msg \*OpMsg\) check\(\) error \{$/func (msg *OpMsg) gscCheckOriginal() error {/' "$work/wire/op_msg.go"
cp "$ROOT/scripts/ferretdb/gsc_wire_check.go" "$ROOT/scripts/ferretdb/gsc_wire_check_test.go" "$work/wire/"
sed 's/^package bson$/package wire/' "$ROOT/scripts/ferretdb/gsc_bson_gen_test.go" >"$work/wire/gsc_bson_gen_test.go"
go mod edit -replace "github.com/FerretDB/wire=$work/wire"
perl -pi -e 's/^func ToDocument\(d wirebson\.AnyDocument\) \(\*types\.Document, error\) \{$/func gscToDocumentOriginal(d wirebson.AnyDocument) (*types.Document, error) {/' \
  internal/bson/bson.go
for f in gsc_bson_fast.go gsc_bson_fast_test.go gsc_bson_gen_test.go; do
  cp "$ROOT/scripts/ferretdb/$f" "internal/bson/$f"
done

grep -q "IDColumn = DefaultColumn + \"->'_id'\"" internal/backends/sqlite/metadata/metadata.go &&
  [ "$(grep -c '^			if aKey != bKey || !Identical(aField, bField) {$' internal/types/identical.go)" = 1 ] &&
  [ "$(grep -c '^			[ab]Key, [ab]Field, err := [ab]Iter.Next()$' internal/types/identical.go)" = 2 ] &&
  [ "$(grep -c '^func gscUnmarshalOriginal(data \[\]byte) (\*types.Document, error) {$' internal/handler/sjson/sjson.go)" = 1 ] &&
  [ "$(grep -c '^func gscMarshalOriginal(d \*types.Document) (\[\]byte, error) {$' internal/handler/sjson/sjson.go)" = 1 ] &&
  [ "$(grep -c '^	if !debugbuild.Enabled {$' internal/util/resource/resource.go)" = 2 ] &&
  [ "$(grep -c '^		if !index.Unique {$' internal/backends/sqlite/metadata/registry.go)" = 1 ] &&
  [ "$(grep -c 'DROP INDEX IF EXISTS %q", c.TableName+"_"+name' internal/backends/sqlite/metadata/registry.go)" = 1 ] &&
  [ "$(grep -c 'IndexSizes:      indexSizes\[:i\],' internal/backends/sqlite/collection.go)" = 1 ] &&
  [ "$(grep -c 'gscQuery(ctx, db, meta.TableName, params)' internal/backends/sqlite/collection.go)" = 1 ] &&
  [ "$(grep -c 'GscSorted: gsc.sorted' internal/backends/sqlite/collection.go)" = 1 ] &&
  [ "$(grep -c 'GscSort   \*types.Document' internal/backends/collection.go)" = 1 ] &&
  [ "$(grep -c 'qp.GscSort = params.Sort' internal/handler/msg_find.go)" = 1 ] &&
  [ "$(grep -c 'makeFindIter(queryRes.Iter, closer, iterParams)' internal/handler/msg_find.go)" = 1 ] &&
  [ "$(grep -c 'GscIndexStatements(c.TableName' internal/backends/sqlite/metadata/registry.go)" = 1 ] &&
  [ "$(grep -c '^	r.gscPrebuildIndexes(ctx, dbName, collectionName, indexes)$' internal/backends/sqlite/metadata/registry.go)" = 1 ] &&
  [ "$(grep -c 'if err := gscCreateIndex(ctx, db, c.TableName+"_"+index.Name, q); err != nil {' internal/backends/sqlite/metadata/registry.go)" = 1 ] &&
  [ "$(grep -c 'r.gscDropUnregisteredUnique(ctx, db, dbName, collectionName, indexes)' internal/backends/sqlite/metadata/registry.go)" = 2 ] &&
  [ "$(grep -c '^	defer metadata.GscWriting(c.dbName)()$' internal/backends/sqlite/collection.go)" = 3 ] &&
  [ "$(grep -c 'params.Filter.Has("_id")' internal/backends/sqlite/collection.go)" = 2 ] &&
  [ "$(grep -c '%\[1\]s ANY NOT NULL CHECK' internal/backends/sqlite/metadata/registry.go)" = 1 ] &&
  [ "$(grep -c 'gscDocumentColumn, table)' internal/backends/sqlite/query.go)" = 2 ] &&
  [ "$(grep -c 'q = gscInsertStatement(q, gscJSONB)' internal/backends/sqlite/collection.go)" = 1 ] &&
  [ "$(grep -c 'gscJSONB := gscStoresJSONB(ctx, db, c.dbName, meta.TableName)' internal/backends/sqlite/collection.go)" = 2 ] &&
  [ "$(grep -c 'gscUpdateValue(gscJSONB), metadata.IDColumn)' internal/backends/sqlite/collection.go)" = 1 ] &&
  [ "$(grep -c 'GscDropTarget: dropTarget,' internal/handler/msg_renamecollection.go)" = 1 ] &&
  ! grep -q 'UnimplementedNonDefault(document, "dropTarget"' internal/handler/msg_renamecollection.go &&
  [ "$(grep -c 'GscDropTarget bool' internal/backends/database.go)" = 1 ] &&
  [ "$(grep -c 'return db.gscRenameOver(ctx, params)' internal/backends/sqlite/database.go)" = 1 ] &&
  [ "$(grep -c '^func (c \*collection) gscQueryOnce(' internal/backends/sqlite/collection.go)" = 1 ] &&
  [ "$(grep -c 'common.UpdateDocument(ctx, gsc, "update", iter, &u)' internal/handler/msg_update.go)" = 1 ] &&
  [ "$(grep -c 'if err = gsc.before(ctx, &u); err != nil' internal/handler/msg_update.go)" = 1 ] &&
  [ "$(grep -c 'defer gscLockCollection(params.DB, params.Collection)()' internal/handler/msg_findandmodify.go)" = 1 ] &&
  [ "$(grep -c 'defer gscLockCollection(params.DB, params.Collection)()' internal/handler/msg_delete.go)" = 1 ] &&
  [ "$(grep -c 'sql.Open(gscDriverName, uri)' internal/backends/sqlite/metadata/pool/opendb.go)" = 1 ] &&
  ! grep -rq '"modernc.org/sqlite' --include='*.go' --exclude='*_test.go' internal cmd &&
  [ "$(grep -c 'se.ExtendedCode == sqlite3.ErrConstraintUnique {' internal/backends/sqlite/collection.go)" = 1 ] &&
  [ "$(grep -c '^func (msg \*OpMsg) gscCheckOriginal() error {$' "$work/wire/op_msg.go")" = 1 ] &&
  [ "$(grep -c '^func gscToDocumentOriginal(d wirebson.AnyDocument) (\*types.Document, error) {$' internal/bson/bson.go)" = 1 ] &&
  [ "$(grep -c '^	wire.CheckNaNs = true$' internal/handler/wire.go)" = 1 ] &&
  ! grep -q 'defer closer.Close()' internal/handler/msg_update.go ||
  {
    echo "the FerretDB $VERSION source did not look as expected; fixes not applied" >&2
    exit 1
  }

# The codec is proven before it is built: FerretDB's own sjson tests and gsc_fast*_test.go (20,000
# random documents of every type, nested to depth 5: the fast Marshal byte for byte as the original,
# the fast Unmarshal equal to the original's; altered bytes answered as the original answers them).
# FerretDB's test helpers look for a .git directory above the tree.
echo "testing the sjson codec (about a minute)…"
mkdir -p .git
GOFLAGS=-buildvcs=false go test -count=1 ./internal/handler/sjson/ >"$work/sjson-test.log" 2>&1 || {
  tail -40 "$work/sjson-test.log" >&2
  echo "FerretDB's sjson tests failed with the fast codec; not built" >&2
  exit 1
}
# And the tables of builds before 17 (TEXT documents) are read and written as before, documents reach
# this build's tables as SQLite's JSONB, and the C SQLite driver does what modernc's did (build 21).
echo "testing the tables of earlier builds, JSONB writes and the SQLite driver (a minute)…"
cp "$ROOT/scripts/ferretdb/gsc_text_tables_test.go" internal/backends/sqlite/gsc_text_tables_test.go
cp "$ROOT/scripts/ferretdb/gsc_jsonb_test.go" internal/backends/sqlite/gsc_jsonb_test.go
cp "$ROOT/scripts/ferretdb/gsc_sqlite_driver_test.go" internal/backends/sqlite/gsc_sqlite_driver_test.go
GOFLAGS=-buildvcs=false go test -tags "$GSC_TAGS" -count=1 -run '^TestGsc(TextTables|JSONBWrites|SQLiteDriver)$' ./internal/backends/sqlite/ \
  >"$work/sqlite-tests.log" 2>&1 || {
  grep -v 'logging.go' "$work/sqlite-tests.log" | tail -40 >&2
  echo "tables of earlier FerretDB builds (TEXT documents), JSONB writes or the SQLite driver are not as they must be; not built" >&2
  exit 1
}

# And BSON read once (build 23): the walk of check and the fast ToDocument against the originals on
# 20,000 random documents of every type and 60,000 altered ones each.
echo "testing the BSON paths (a minute)…"
(cd "$work/wire" && go test -count=1 -run '^TestGsc' . ) >"$work/wire-test.log" 2>&1 &&
  GOFLAGS=-buildvcs=false go test -count=1 -run '^TestGsc' ./internal/bson/ >>"$work/wire-test.log" 2>&1 || {
  tail -40 "$work/wire-test.log" >&2
  echo "the BSON paths do not answer as the originals; not built" >&2
  exit 1
}

mkdir -p "$ROOT/.tools/bin"
GOFLAGS=-buildvcs=false go build -tags "$GSC_TAGS" -trimpath -o "$ROOT/$BIN.partial" ./cmd/ferretdb
mv "$ROOT/$BIN.partial" "$ROOT/$BIN"
cd "$ROOT"
built=$("$BIN" --version)
echo "${built%%$'\n'*}"
