#!/usr/bin/env bash
# Starts the single-node KRaft Kafka broker the integration tests use (no Docker), and returns only
# once it answers a real metadata request. Idempotent: a broker already running and answering is
# left alone. Works from any cwd.
#
#   env KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_READY_TIMEOUT (60 s),
#       KAFKA_HEAP (512m)
#
# First run: Maven copies the broker's jars (kafka_2.13 3.9.1 + reload4j) into lib/ (git-ignored;
# ~/.m2 caches them), run/ gets a cluster id and formatted storage. Both are kept across runs;
# reset.sh wipes run/.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB="$DIR/lib"
RUN="$DIR/run"
DATA="$RUN/data"
LOGS="$RUN/logs"
PID_FILE="$RUN/kafka.pid"
OUT="$RUN/kafka.out"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-60}"
HEAP="${KAFKA_HEAP:-512m}"
PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

say() { echo "kafka: $*"; }
die() { echo "kafka: ERROR: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- prerequisites -------------------------------------------------------------------------------
command -v java >/dev/null 2>&1 \
  || die "'java' not found on PATH. Install a Java 17+ runtime (Debian/Ubuntu: apt-get install openjdk-17-jre-headless)."
JAVA_MAJOR="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }')"
[[ "${JAVA_MAJOR:-0}" =~ ^[0-9]+$ && "$JAVA_MAJOR" -ge 17 ]] \
  || die "Java 17+ is required, found '$(java -version 2>&1 | head -n1)'."
command -v node >/dev/null 2>&1 || die "'node' not found on PATH (needed for the readiness check)."
[[ -f "$DIR/../../node_modules/kafkajs/package.json" ]] \
  || die "kafkajs is not installed in $(cd "$DIR/../.." && pwd)/node_modules: run 'npm ci' first."

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null && grep -qa 'kafka.Kafka' "/proc/$1/cmdline" 2>/dev/null; }
ready() { KAFKA_PORT="$PORT" node "$DIR/wait-ready.mjs" "$@"; }

mkdir -p "$RUN" "$LOGS"

# --- already running? ----------------------------------------------------------------------------
if [[ -f "$PID_FILE" ]]; then
  PID="$(cat "$PID_FILE")"
  if pid_alive "$PID"; then
    if ready --timeout 5 --quiet; then
      say "already running (pid $PID) and answering on 127.0.0.1:$PORT"
      exit 0
    fi
    say "running (pid $PID) but not answering yet: waiting up to ${READY_TIMEOUT}s"
    if KAFKA_PID="$PID" ready --timeout "$READY_TIMEOUT" --warm; then exit 0; fi
    echo "---- last 50 lines of $LOGS/server.log ----" >&2
    tail -n 50 "$LOGS/server.log" >&2 2>/dev/null || true
    die "broker pid $PID does not answer; run infra/kafka/stop.sh (or reset.sh) and retry"
  fi
  rm -f "$PID_FILE"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  if ready --timeout 5 --quiet; then
    say "a Kafka broker not started by this script already answers on 127.0.0.1:$PORT: using it"
    exit 0
  fi
  die "port $PORT is taken by something that is not a Kafka broker (set KAFKA_PORT)"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$CONTROLLER_PORT") 2>/dev/null; then
  die "controller port $CONTROLLER_PORT is taken (set KAFKA_CONTROLLER_PORT)"
fi

# --- jars (once; ~/.m2 caches them) --------------------------------------------------------------
POM_SUM="$(sha256sum "$DIR/pom.xml" | cut -d' ' -f1)"
if [[ "$(cat "$LIB/.resolved" 2>/dev/null || true)" != "$POM_SUM" ]]; then
  command -v mvn >/dev/null 2>&1 \
    || die "'mvn' not found on PATH and $LIB is not resolved. Install Maven 3.8+ (Debian/Ubuntu: apt-get install maven)."
  say "resolving the broker's jars with Maven into $LIB (first run only)…"
  T0="$(now)"
  rm -rf "$LIB" "$RUN/lib.tmp"
  if ! mvn -B -q -Dstyle.color=never -f "$DIR/pom.xml" "$PLUGIN:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$RUN/lib.tmp" > "$RUN/maven.log" 2>&1; then
    tail -n 50 "$RUN/maven.log" >&2
    rm -rf "$RUN/lib.tmp"
    die "Maven could not resolve the jars (network? ~/.m2/settings.xml?); full output in $RUN/maven.log"
  fi
  mv "$RUN/lib.tmp" "$LIB"
  echo "$POM_SUM" > "$LIB/.resolved"
  say "resolved $(ls "$LIB"/*.jar | wc -l) jars ($(du -sh "$LIB" | cut -f1)) in $(since "$T0")s"
fi

JAVA_OPTS=(
  -cp "$LIB/*"
  -Dlog4j.configuration="file:$DIR/log4j.properties"
  -Dkafka.logs.dir="$LOGS"
  -Djava.awt.headless=true
)

# --- config and storage (formatted once) ---------------------------------------------------------
sed -e "s|@KAFKA_PORT@|$PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$CONTROLLER_PORT|g" \
    -e "s|@LOG_DIRS@|$DATA|g" \
    "$DIR/server.properties.template" > "$RUN/server.properties"

if [[ ! -s "$RUN/cluster.id" ]]; then
  java "${JAVA_OPTS[@]}" kafka.tools.StorageTool random-uuid | tail -n1 > "$RUN/cluster.id.tmp"
  mv "$RUN/cluster.id.tmp" "$RUN/cluster.id"
fi
if [[ ! -f "$DATA/meta.properties" ]]; then
  say "formatting storage in $DATA (cluster id $(cat "$RUN/cluster.id"))"
  java "${JAVA_OPTS[@]}" kafka.tools.StorageTool format -t "$(cat "$RUN/cluster.id")" \
    -c "$RUN/server.properties" --ignore-formatted >> "$OUT" 2>&1 \
    || { tail -n 20 "$OUT" >&2; die "formatting storage failed"; }
fi

# --- start and wait until it answers -------------------------------------------------------------
T0="$(now)"
echo "==== $(date -Is) start on 127.0.0.1:$PORT" >> "$OUT"
# setsid: the broker survives the shell (or test process) that started it; stop.sh ends it.
setsid java "-Xmx$HEAP" "${JAVA_OPTS[@]}" kafka.Kafka "$RUN/server.properties" >> "$OUT" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$PID_FILE"
say "started (pid $PID), waiting for it to answer on 127.0.0.1:$PORT (up to ${READY_TIMEOUT}s)…"

if KAFKA_PID="$PID" ready --timeout "$READY_TIMEOUT" --warm; then
  say "ready in $(since "$T0")s (logs: $LOGS/server.log, $OUT)"
  exit 0
fi
echo "---- last 50 lines of $LOGS/server.log ----" >&2
tail -n 50 "$LOGS/server.log" >&2 2>/dev/null || true
echo "---- last 50 lines of $OUT ----" >&2
tail -n 50 "$OUT" >&2 2>/dev/null || true
"$DIR/stop.sh" >&2 || true
die "the broker did not become ready within ${READY_TIMEOUT}s (stopped it)"
