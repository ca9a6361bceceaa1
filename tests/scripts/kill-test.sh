#!/usr/bin/env bash
# The full SIGKILL durability run (issue 5): kills a writer process at random points ROUNDS times (default 250)
# and checks after every kill that no committed annotation is lost, no committed deletion comes back,
# PRAGMA integrity_check is ok and the search index is consistent. CTest runs the same test with 25 kills.
#
#   tests/scripts/kill-test.sh [BUILD_DIR] [ROUNDS]        e.g. tests/scripts/kill-test.sh build 250
set -euo pipefail
build="${1:-build}"
rounds="${2:-250}"
test_binary="$build/tests/tst_durability"
if [ ! -x "$test_binary" ]; then
  echo "kill-test: $test_binary not found; build it first: cmake --build $build --target tst_durability" >&2
  exit 2
fi
if [ "$rounds" -lt 200 ]; then
  echo "kill-test: note: the acceptance run is at least 200 kills (got $rounds)" >&2
fi
GLOSS_KILL_ROUNDS="$rounds" QT_QPA_PLATFORM=offscreen "$test_binary" killedWriterLosesNothing -maxwarnings 0
