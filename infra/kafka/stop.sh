#!/usr/bin/env bash
# Stops the broker started by start.sh: SIGTERM (controlled shutdown), up to 20 s
# (KAFKA_STOP_TIMEOUT), then SIGKILL. `stop.sh --kill`: SIGKILL at once (a crash, for tests).
# Idempotent: no broker running → says so, exits 0. Works from any cwd.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PID_FILE="$DIR/run/kafka.pid"
GRACE="${KAFKA_STOP_TIMEOUT:-20}"

say() { echo "kafka: $*"; }
# Only ever signal our own broker: the pid must still be a kafka.Kafka JVM (pids get reused).
ours() { kill -0 "$1" 2>/dev/null && grep -qa 'kafka.Kafka' "/proc/$1/cmdline" 2>/dev/null; }

if [[ ! -f "$PID_FILE" ]]; then
  say "not running (no pid file)"
  exit 0
fi
PID="$(cat "$PID_FILE")"
if [[ -z "$PID" ]] || ! ours "$PID"; then
  say "not running (stale pid file, removed)"
  rm -f "$PID_FILE"
  exit 0
fi

HOW="SIGTERM"
if [[ "${1:-}" == "--kill" ]]; then
  GRACE=0
  HOW="SIGKILL"
else
  kill -TERM "$PID" 2>/dev/null || true
fi
for ((i = 0; i < GRACE * 10; i++)); do
  ours "$PID" || break
  sleep 0.1
done
if ours "$PID"; then
  if [[ "$GRACE" -gt 0 ]]; then say "pid $PID still alive after ${GRACE}s: SIGKILL"; HOW="SIGKILL after ${GRACE}s"; fi
  kill -KILL "$PID" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do ours "$PID" || break; sleep 0.1; done
fi
rm -f "$PID_FILE"
say "stopped (pid $PID, $HOW)"
