#!/usr/bin/env bash
# The contract and API suites use the PostgreSQL server on 127.0.0.1:5432; start it when it is down.
set -euo pipefail
host=${PGHOST_TEST:-127.0.0.1}
if pg_isready -q -h "$host" -p 5432 2>/dev/null; then exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  echo "starting PostgreSQL…"
  versions=(/etc/postgresql/*)
  pg_ctlcluster --skip-systemctl-redirect "$(basename "${versions[0]}")" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h "$host" -p 5432 && exit 0; sleep 1; done
fi
echo "PostgreSQL is not reachable on $host:5432 and could not be started." >&2
echo "Start it, or set PG_TEST_URL to a server the tests may create databases on." >&2
exit 1
