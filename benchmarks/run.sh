#!/usr/bin/env bash
# Every figure of the performance table in one run, against one checkout (default: this one), so two commits can be
# measured side by side on the same machine:
#   benchmarks/run.sh [checkout] [--quick]
# Builds the benchmarks of *this* checkout (the same load for both sides), then starts `./platform up --demo` of the
# given checkout from its existing state and prints: cold start to all healthy, idle memory, intake and GET of one
# order (one client and 16, through the gateway and straight to WorkOrders), event latency (intake → the front desk's
# inbox entry), and reads with years of data (seeded once into that checkout's WorkOrders database). Stops it afterwards.
# --quick: fewer requests, for trying the script out. The platform's state stays in <checkout>/.state.
set -euo pipefail
HERE="$(readlink -f "$(dirname "$(readlink -f "$0")")/..")"
ROOT="$(readlink -f "${1:-$HERE}")"
SCALE=1
[ "${2:-}" != "--quick" ] || SCALE=10
BIN="$HERE/benchmarks"
bench() { local name="$1"; shift; dotnet "$BIN/$name/bin/Release/net10.0/PropertyPlatform.Benchmarks.$name.dll" "$@"; }
say() { printf '\n== %s\n' "$*"; }

for name in IntakeLoad EventLatency ReadLoad; do
    dotnet build "$BIN/$name" -c Release -nologo -v q --disable-build-servers >/dev/null
done

# The machine's memory in use before the platform starts (not counting the page cache), to tell what all of it takes.
used_mb() { free -m | awk '/^Mem:/ {print $3}'; }
USED_BEFORE="$(used_mb)"
LOG="$(mktemp)"
say "platform: $ROOT at $(git -C "$ROOT" rev-parse --short HEAD), log in $LOG"
"$ROOT/platform" up --demo >"$LOG" 2>&1 &
PLATFORM=$!
trap 'kill "$PLATFORM" 2>/dev/null || true; wait "$PLATFORM" 2>/dev/null || true' EXIT

# The build comes first; the start is timed from the moment the AppHost runs.
APPHOST=""
until [ -n "$APPHOST" ]; do
    kill -0 "$PLATFORM" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.1
    APPHOST="$(pgrep -f "^dotnet [^ ]*AppHost/bin/Release/net10.0/PropertyPlatform.AppHost.dll" | head -n 1 || true)"
done
STARTED="$(date +%s.%N)"

# The platform's own processes: the built executables of the six services and the gateway of that checkout.
platform_pids() { pgrep -f "^$ROOT/[^ ]*/bin/Release/net10.0/PropertyPlatform\.[A-Za-z]+( |$)" || true; }
pid_of() { pgrep -f "^$ROOT/[^ ]*/bin/Release/net10.0/PropertyPlatform\.$1( |$)" | head -n 1; }
env_of() { tr '\0' '\n' <"/proc/$1/environ" | sed -n "s/^$2=//p"; }
url_of() { env_of "$1" ASPNETCORE_URLS | cut -d';' -f1; }
healthy() {
    local pid count=0
    for pid in $(platform_pids); do
        curl -fsS --max-time 2 "$(url_of "$pid")/health" 2>/dev/null | grep -q '^{"status":"Healthy"' || return 1
        count=$((count + 1))
    done
    [ "$count" -eq 7 ]
}
until healthy; do
    kill -0 "$PLATFORM" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.2
done
say "cold start, existing state, AppHost launched → the six services and the gateway answer /health Healthy"
printf '  %.1f s\n' "$(echo "$(date +%s.%N) - $STARTED" | bc)"

sleep 30
rss_mb() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0))); done; echo $((total / 1024)); }
say "idle memory, 30 s after all healthy (resident)"
echo "  the six services and the gateway: $(rss_mb $(platform_pids)) MB"
echo "  the whole platform (the machine's memory in use, less before the start: also the AppHost, orchestrator, dashboard, PostgreSQL, RabbitMQ, mail catcher): $(( $(used_mb) - USED_BEFORE )) MB"

WORKORDERS="$(pid_of WorkOrders)"
DIRECT="$(url_of "$WORKORDERS")"
GATEWAY="$(url_of "$(pid_of Gateway)")"
say "intake and GET of one order"
bench IntakeLoad --url "$GATEWAY" --direct "$DIRECT" --requests $((1000 / SCALE)) --concurrency 1
bench IntakeLoad --url "$GATEWAY" --requests $((1000 / SCALE)) --concurrency 1
bench IntakeLoad --url "$GATEWAY" --requests $((4000 / SCALE)) --concurrency 16
bench IntakeLoad --url "$GATEWAY" --read --direct "$DIRECT" --requests $((2000 / SCALE)) --concurrency 1
bench IntakeLoad --url "$GATEWAY" --read --requests $((2000 / SCALE)) --concurrency 1
bench IntakeLoad --url "$GATEWAY" --read --direct "$DIRECT" --requests $((8000 / SCALE)) --concurrency 16
bench IntakeLoad --url "$GATEWAY" --read --requests $((8000 / SCALE)) --concurrency 16

say "event latency: intake → the front desk's inbox entry"
WORKORDERS_DB="$(env_of "$WORKORDERS" ConnectionStrings__workordersdb)"
NOTIFICATIONS_DB="$(env_of "$(pid_of Notifications)" ConnectionStrings__notificationsdb)"
bench EventLatency --url "$GATEWAY" --workorders "$WORKORDERS_DB" --notifications "$NOTIFICATIONS_DB" --rate 50 --seconds $((20 / SCALE)) || true
bench EventLatency --url "$GATEWAY" --workorders "$WORKORDERS_DB" --notifications "$NOTIFICATIONS_DB" --rate 500 --seconds $((10 / SCALE)) --patience 120 || true

say "reads with years of data"
bench ReadLoad --url "$GATEWAY" --database "$WORKORDERS_DB" --orders $((100000 / SCALE)) --requests $((1000 / SCALE)) --concurrency 16 --pid "$WORKORDERS"
