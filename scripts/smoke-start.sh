#!/usr/bin/env bash
# Runs the README's start command as a newcomer would, on an empty DATA_DIR (issue 12 item 1):
#   scripts/start  (CLOCK=manual, no EVENT_STORE_URL / MONGODB_URI / AUTH_* → the embedded defaults)
# then waits for GET /health to answer ok, checks that node runs with package.json's
# config.nodeFlags, records one command with a token from `npm run token`
# (POST /cases/inquiries → 201), stops it with SIGTERM and checks that it exits 0 and that the
# FerretDB it started is gone. .ci/run calls it after the tests. Everything it started is killed on
# any failure, and the server's output is shown.
#   SMOKE_START_TIMEOUT  seconds to wait for /health (default 900: a first start may build FerretDB)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in curl setsid; do
  command -v "$tool" >/dev/null || {
    echo "smoke-start: $tool is needed (Debian: curl, util-linux)" >&2
    exit 1
  }
done
START_TIMEOUT=${SMOKE_START_TIMEOUT:-900}
STOP_TIMEOUT=30

data=$(mktemp -d "${TMPDIR:-/tmp}/smoke-start.XXXXXX")
log="$data.log"
port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
url="http://127.0.0.1:$port"
pid=""
ferretdb_pid=""
passed=false

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

cleanup() {
  if ! $passed; then
    echo "smoke-start: FAILED; the output of scripts/start (last 60 lines of $log):" >&2
    tail -n 60 "$log" >&2 || true
  fi
  # scripts/start runs in its own process group (setsid): that group holds node and its FerretDB.
  if alive "$pid"; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  if alive "$ferretdb_pid"; then kill -KILL "$ferretdb_pid" 2>/dev/null || true; fi
  rm -rf "$data"
  $passed && rm -f "$log"
  return 0
}
trap cleanup EXIT
fail() {
  echo "smoke-start: $*" >&2
  exit 1
}

echo "smoke-start: scripts/start with DATA_DIR=$data CLOCK=manual PORT=$port"
env -u EVENT_STORE_URL -u MONGODB_URI -u AUTH_JWT_SECRET -u AUTH_JWKS_URL -u PROJECTOR -u CLOCK_START \
  DATA_DIR="$data" CLOCK=manual PORT="$port" LOG_LEVEL=warn \
  setsid scripts/start >"$log" 2>&1 </dev/null &
pid=$!

health=""
for ((i = 0; i < START_TIMEOUT; i++)); do
  alive "$pid" || fail "scripts/start exited before GET /health answered"
  health=$(curl -s --max-time 5 "$url/health" || true)
  case "$health" in *'"status":"ok"'*) break ;; esac
  sleep 1
done
case "$health" in
*'"status":"ok"'*) echo "smoke-start: GET /health → $health" ;;
*) fail "GET /health did not answer status ok within ${START_TIMEOUT}s (last answer: ${health:-none})" ;;
esac

# scripts/start execs node in its own process: it runs with package.json's config.nodeFlags.
flags=$(node -p 'require("./package.json").config.nodeFlags')
cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline") || fail "cannot read the command line of pid $pid"
case " $cmdline" in
*" $flags dist/apps/api/src/main.js "*) echo "smoke-start: node runs with $flags" ;;
*) fail "scripts/start's node runs as '$cmdline', not with package.json's config.nodeFlags ($flags)" ;;
esac

running="$data/ferretdb/ferretdb.json"
[ -f "$running" ] || fail "scripts/start did not start a local FerretDB ($running is missing)"
ferretdb_pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$running")
alive "$ferretdb_pid" || fail "the FerretDB of $running (pid ${ferretdb_pid:-?}) is not running"

token=$(npm run --silent token -- --role window --dept dept-market --window win-3 --center center-1 --name 王芳) ||
  fail "npm run token failed"
body='{"centerId":"center-1","channel":"window","applicant":{"kind":"person","name":"张三"},"question":"如何办理食品经营许可？"}'
answer=$(curl -s --max-time 30 -w '\n%{http_code}' -X POST "$url/cases/inquiries" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body") ||
  fail "POST /cases/inquiries: no answer"
status=${answer##*$'\n'}
[ "$status" = 201 ] || fail "POST /cases/inquiries → $status, expected 201: ${answer%$'\n'*}"
echo "smoke-start: POST /cases/inquiries → 201"

kill -TERM "$pid"
for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
  alive "$pid" || break
  sleep 0.1
done
alive "$pid" && fail "scripts/start did not stop within ${STOP_TIMEOUT}s of SIGTERM"
code=0
wait "$pid" || code=$?
pid=""
[ "$code" = 0 ] || fail "scripts/start exited with $code after SIGTERM, expected 0"
for ((i = 0; i < 50; i++)); do
  alive "$ferretdb_pid" || break
  sleep 0.1
done
alive "$ferretdb_pid" && fail "the FerretDB scripts/start started (pid $ferretdb_pid) is still running after it stopped"

passed=true
echo "smoke-start: ok (started, answered, stopped with exit 0, FerretDB gone)"
