#!/usr/bin/env bash
# Checks that `fracttal sandbox serve` answers as schemas/openapi.yaml says:
#   1. starts the sandbox on a free loopback port (no faults) and reads its URLs from stdout;
#   2. with authlib, runs the OAuth 2.0 client credentials flow with the bootstrap consumer's
#      credentials (from --credentials-out) and lists every consumer page;
#   3. runs schemathesis against every /api operation with that bearer token and fails on
#      any answer that does not conform (status, content type, headers, body schema) or is a 5xx.
# Usage: scripts/check-sandbox-conformance.sh PATH/TO/fracttal
set -euo pipefail

binary="${1:?usage: $0 PATH/TO/fracttal (the built binary)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
examples="${SCHEMATHESIS_MAX_EXAMPLES:-100}"

echo "Installing schemathesis and authlib..." >&2
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    "schemathesis>=4,<5" "authlib>=1.3,<2" "requests>=2.31" >&2

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" sandbox serve --port 0 --rate-limit 1000000/60 --credentials-out "$work/credentials.json" \
    >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
for _ in $(seq 1 300); do
    grep -q '^Token URL: ' "$work/stdout" 2>/dev/null && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "error: the sandbox exited before it listened:" >&2
        cat "$work/stderr" >&2
        exit 1
    fi
    sleep 0.1
done
api_url="$(sed -n 's/^API base URL: //p' "$work/stdout")"
token_url="$(sed -n 's/^Token URL: //p' "$work/stdout")"
if [[ -z "$api_url" || -z "$token_url" ]]; then
    echo "error: the sandbox did not print its API base URL and token URL within 30 seconds." >&2
    exit 1
fi
echo "Sandbox at $api_url (token URL $token_url)" >&2

# The OAuth 2.0 client credentials flow with authlib; leaves the access token in a 0600 file.
umask 077
python3 - "$work/credentials.json" "$token_url" "$api_url" "$work/token" <<'PY'
import json, sys
from authlib.integrations.requests_client import OAuth2Session

credentials_path, token_url, api_url, token_path = sys.argv[1:5]
with open(credentials_path) as handle:
    credentials = json.load(handle)
session = OAuth2Session(
    credentials["key"], credentials["secret"], token_endpoint_auth_method="client_secret_basic"
)
token = session.fetch_token(token_url, grant_type="client_credentials")
assert token["token_type"] == "Bearer", token["token_type"]
assert token["expires_in"] > 0

consumers, start, total = [], 0, None
while total is None or start < total:
    response = session.get(f"{api_url}/oauth_consumers/", params={"start": start, "limit": 100})
    response.raise_for_status()
    envelope = response.json()
    assert envelope["success"] is True
    for header in ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"):
        assert header in response.headers, f"missing {header}"
    total = envelope["total"]
    consumers += envelope["data"]
    start += 100
assert len(consumers) == total
assert any(c["key"] == credentials["key"] for c in consumers), "the bootstrap consumer is not listed"
assert all("secret" not in c for c in consumers), "a consumer list shows a secret"
assert credentials["secret"] not in response.text
print(f"authlib: client credentials flow OK; listed {total} consumers", file=sys.stderr)
with open(token_path, "w") as handle:
    handle.write(token["access_token"])
PY

echo "Running schemathesis (at most $examples examples per operation)..." >&2
# Run from the temporary folder, so that schemathesis leaves nothing in the checkout.
(cd "$work" && schemathesis run "$root/schemas/openapi.yaml" \
    --url "$api_url" \
    --header "Authorization: Bearer $(cat "$work/token")" \
    --exclude-operation-id requestToken \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "$examples" \
    --seed 20240509 \
    --workers 2 \
    --request-timeout 10 \
    --generation-database none \
    --no-color \
    --warnings off)
echo "Sandbox conformance: OK" >&2
