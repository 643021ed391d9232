#!/usr/bin/env bash
# Stops the broker and wipes its state (run/: cluster id, data, logs). lib/ (the jars) is kept;
# remove it too with --all. Works from any cwd.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$DIR/stop.sh"
rm -rf "$DIR/run"
echo "kafka: wiped $DIR/run"
if [[ "${1:-}" == "--all" ]]; then
  rm -rf "$DIR/lib"
  echo "kafka: wiped $DIR/lib"
fi
