#!/usr/bin/env bash
# Property tests of the whole API schema with schemathesis (issue #11: no answer may be a 500).
#
# Starts Wayfare on a throw-away data folder with the demo story, takes an API token of the demo
# Administrator "mariana", runs schemathesis (in its own environment: it is not a project dependency)
# with the not_a_server_error check over every operation, and stops the server again.
#
#   tools/schemathesis.sh                  # 30 examples per operation
#   MAX_EXAMPLES=100 PORT=8124 tools/schemathesis.sh --phases examples,coverage,fuzzing
#
# Extra arguments go to `schemathesis run`. The exit status is schemathesis' own.
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
PORT="${PORT:-8123}"
MAX_EXAMPLES="${MAX_EXAMPLES:-30}"
SCHEMATHESIS="${SCHEMATHESIS:-schemathesis==4.32.5}"
export WAYFARE_DATA_DIR="${WAYFARE_DATA_DIR:-$(mktemp -d -t wayfare-schemathesis-XXXX)}"
export DATABASE_URL=""  # the throw-away SQLite file inside WAYFARE_DATA_DIR
export WAYFARE_TASKS="${WAYFARE_TASKS:-immediate}"
export DEBUG="${DEBUG:-true}"  # a local run: no SECRET_KEY needed (Wayfare refuses to start without one otherwise)

uv run wayfare migrate --verbosity 0
uv run wayfare demo >/dev/null
TOKEN="$(uv run wayfare shell -c '
from django.contrib.auth import get_user_model
from wayfare.core.tokens import api_token_issue
print(api_token_issue(user=get_user_model().objects.get(username="mariana"))[1])
' | tail -n 1)"

uv run wayfare runserver "127.0.0.1:${PORT}" --noreload >"${WAYFARE_DATA_DIR}/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs -o /dev/null -H "Authorization: Token ${TOKEN}" "http://127.0.0.1:${PORT}/api/schema/" && break
  sleep 1
done

set +e
# From the data folder, so schemathesis' cache lands there and not in the work tree.
(cd "${WAYFARE_DATA_DIR}" && uv run --no-project --with "${SCHEMATHESIS}" schemathesis run "http://127.0.0.1:${PORT}/api/schema/" \
  -H "Authorization: Token ${TOKEN}" --checks not_a_server_error --max-examples "${MAX_EXAMPLES}" \
  --workers 1 "$@")
STATUS=$?
set -e
echo "server log: ${WAYFARE_DATA_DIR}/server.log ($(grep -c 'Internal Server Error' "${WAYFARE_DATA_DIR}/server.log" || true) internal server errors)"
exit "$STATUS"
