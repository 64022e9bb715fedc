// gov-service-cases: SQLite compiled from C (build 21, issue 19), copied into
// internal/backends/sqlite/metadata/pool by scripts/ensure-ferretdb.sh.
//
// FerretDB 1.x reaches SQLite through modernc.org/sqlite, SQLite's C translated to Go. The projector
// bench's rebuild ran faster on github.com/mattn/go-sqlite3, which builds SQLite's own C with cgo:
// at 50,000 cases 2,717 and 2,780 events/s against 1,821, the index phase 7.4 and 7.9 s against
// 19.1; at 10,000, alternating, 1.14 times on a fast machine and 1.5 times on a loaded one
// (apps/projector/README.md). The pool opens its databases through the driver registered here.
//
// The one thing the two drivers read differently is the URI: modernc runs each `_pragma=name(value)`
// as `PRAGMA name(value)` on every new connection, in order; mattn ignores `_pragma` and has its own
// parameters. FerretDB (busy_timeout before journal_mode, see pool/uri.go) and our start script
// (synchronous) say what they need as `_pragma`, so this driver runs them exactly as modernc did,
// after mattn's own set-up, which they therefore override. SQLite ignores the parameter itself.
// (mattn sets `synchronous = NORMAL` unless told otherwise, where modernc's SQLite left WAL
// databases at FULL; the local store asks for normal anyway: start-local-ferretdb.ts.)

package pool

import (
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// gscDriverName is the driver openDB opens databases with.
const gscDriverName = "gsc-sqlite3"

func init() {
	sql.Register(gscDriverName, &gscDriver{})
}

// gscDriver is mattn's driver with modernc's `_pragma` parameters.
type gscDriver struct {
	sqlite3.SQLiteDriver
}

// Open opens a connection and runs the URI's `_pragma` values on it, as modernc does.
func (d *gscDriver) Open(dsn string) (driver.Conn, error) {
	pragmas, err := gscPragmas(dsn)
	if err != nil {
		return nil, err
	}

	conn, err := d.SQLiteDriver.Open(dsn)
	if err != nil {
		return nil, err
	}

	c, ok := conn.(*sqlite3.SQLiteConn)
	if !ok {
		_ = conn.Close()
		return nil, fmt.Errorf("gsc-sqlite3: unexpected connection type %T", conn)
	}

	for _, p := range pragmas {
		if _, err := c.Exec("PRAGMA "+p, nil); err != nil {
			_ = c.Close()
			return nil, fmt.Errorf("gsc-sqlite3: PRAGMA %s: %w", p, err)
		}
	}

	return c, nil
}

// gscPragmas returns the `_pragma` values of a URI's query, in order.
func gscPragmas(dsn string) ([]string, error) {
	i := strings.IndexByte(dsn, '?')
	if i < 0 {
		return nil, nil
	}

	values, err := url.ParseQuery(dsn[i+1:])
	if err != nil {
		return nil, fmt.Errorf("gsc-sqlite3: %w", err)
	}

	return values["_pragma"], nil
}
