#!/usr/bin/env bash
# Drives the serve tool as a user would: start it with -state, create a
# resource in each service with curl --aws-sigv4, stop it with SIGTERM (exit
# status 0), start it again and find the state still there; then check that
# a truncated or corrupted state file is refused with a clear error and left
# unchanged. Loopback only; every step has a time limit; every process it
# starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../../.."

KEY=AKIDAWSSNAPEMULATOR1
SECRET=awssnap/emulator/secret/key/EXAMPLEKEY0
work=$(mktemp -d)
pid=""

cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

fail() {
	echo "lifecycle: FAIL: $*" >&2
	for f in "$work"/*.out "$work"/*.log; do
		[ -f "$f" ] && { echo "--- $f" >&2; cat "$f" >&2; }
	done
	exit 1
}

go build -o "$work/serve" ./examples/serve

# start NAME ARGS...: starts serve in the background and sets $pid and $endpoint.
start() {
	local name=$1
	shift
	"$work/serve" -addr 127.0.0.1:0 "$@" >"$work/$name.out" 2>"$work/$name.log" &
	pid=$!
	endpoint=""
	for _ in $(seq 100); do
		endpoint=$(sed -n 's/^emulator listening on //p' "$work/$name.out")
		[ -n "$endpoint" ] && break
		kill -0 "$pid" 2>/dev/null || fail "$name: serve exited at start"
		sleep 0.1
	done
	[ -n "$endpoint" ] || fail "$name: serve did not start within 10s"
	curl -sf --max-time 5 "$endpoint/_awssnap/health" | grep -q '"ok"' || fail "$name: health check"
}

# stop NAME: sends SIGTERM and requires exit status 0 within 15s.
stop() {
	local name=$1 status=0
	kill -TERM "$pid"
	for _ in $(seq 150); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$pid" 2>/dev/null && fail "$name: serve still running 15s after SIGTERM"
	wait "$pid" || status=$?
	pid=""
	[ "$status" -eq 0 ] || fail "$name: exit status $status after SIGTERM, want 0"
	grep -q "emulator stopped" "$work/$name.out" || fail "$name: no clean stop"
}

# call SERVICE PATH BODY [HEADER...]: a signed POST; prints "STATUS BODY".
call() {
	local service=$1 path=$2 body=$3
	shift 3
	local args=()
	for header in "$@"; do args+=(-H "$header"); done
	curl -s --max-time 10 -o "$work/answer" -w '%{http_code}' \
		--aws-sigv4 "aws:amz:us-east-1:$service" --user "$KEY:$SECRET" \
		"${args[@]}" -d "$body" "$endpoint$path"
	echo " $(cat "$work/answer")"
}

expect() { # expect WANT_STATUS ANSWER
	[ "${2%% *}" = "$1" ] || fail "want status $1, got: $2"
}

state="$work/state.json"
start first -state "$state"

expect 200 "$(call memorydb / '{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"lifecycle-copy"}' \
	'X-Amz-Target: AmazonMemoryDB.CopySnapshot' 'Content-Type: application/x-amz-json-1.1')"
expect 201 "$(call neptune-graph /snapshots '{"graphIdentifier":"g-abcde12345","snapshotName":"lifecycle-snap"}' \
	'Content-Type: application/json')"
expect 200 "$(call datazone /v2/domains/dzd_4p9n6sw4qt9xgn/assets/3t2ng8cp3dqxmb/revisions '{"name":"orders-lifecycle"}' \
	'Content-Type: application/json')"
expect 200 "$(call partnercentral-selling / '{"Catalog":"AWS","EngagementIdentifier":"eng-0123456789abcd","ResourceType":"Opportunity","ResourceIdentifier":"O1234567","ResourceSnapshotTemplateIdentifier":"Summary","ClientToken":"lifecycle-1"}' \
	'X-Amz-Target: AWSPartnerCentralSelling.CreateResourceSnapshot' 'Content-Type: application/x-amz-json-1.0')"
# A request that does not verify is refused, and logged.
bad=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:us-east-1:memorydb" --user "$KEY:wrong" \
	-H 'X-Amz-Target: AmazonMemoryDB.CopySnapshot' -H 'Content-Type: application/x-amz-json-1.1' -d '{}' "$endpoint/")
[ "$bad" = 403 ] || fail "wrong secret: status $bad, want 403"
stop first

grep -q 'operation=CopySnapshot status=200' "$work/first.log" || fail "no log line for the copy"
grep -q 'status=403 error=InvalidSignatureException' "$work/first.log" || fail "no log line for the refused request"
if grep -q -e "$SECRET" -e wrong "$work/first.log"; then
	fail "the request log holds a secret"
fi

start second -state "$state" -quiet
curl -sf --max-time 5 "$endpoint/_awssnap/state" >"$work/state-after-restart"
for want in '"Name": "lifecycle-copy"' '"name": "lifecycle-snap"' '"name": "orders-lifecycle"' '"token": "lifecycle-1"'; do
	grep -q "$want" "$work/state-after-restart" || fail "after a restart the state lacks $want"
done
expect 400 "$(call memorydb / '{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"lifecycle-copy"}' \
	'X-Amz-Target: AmazonMemoryDB.CopySnapshot' 'Content-Type: application/x-amz-json-1.1')"
grep -q SnapshotAlreadyExistsFault "$work/answer" || fail "copy to a saved name: $(cat "$work/answer")"
stop second

# A truncated and a corrupted state file: refused, with a clear error, unchanged.
size=$(wc -c <"$state")
head -c $((size / 2)) "$state" >"$work/truncated.json"
{ printf 'garbage'; cat "$state"; } >"$work/corrupted.json"
for broken in truncated corrupted; do
	cp "$work/$broken.json" "$work/$broken.orig"
	status=0
	timeout 15 "$work/serve" -addr 127.0.0.1:0 -state "$work/$broken.json" >"$work/$broken.out" 2>"$work/$broken.log" || status=$?
	[ "$status" -eq 1 ] || fail "$broken state: exit status $status, want 1"
	grep -q "state file $work/$broken.json cannot be used, and is left unchanged" "$work/$broken.log" ||
		fail "$broken state: unclear error"
	cmp -s "$work/$broken.json" "$work/$broken.orig" || fail "$broken state file was changed"
	echo "lifecycle: $broken state refused: $(cat "$work/$broken.log")"
done
echo "lifecycle: ok"
