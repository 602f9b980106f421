#!/usr/bin/env bash
# The README's test command: installs what is missing, builds everything with
# warnings as errors, runs every test, then rebuilds the Qt-free core, store
# and server with AddressSanitizer + UndefinedBehaviorSanitizer and runs their
# tests (the process tests start the sanitized server).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh

# ctest cuts a test's name at ';' and the cut name then matches no Catch2
# test, which "passes" without running anything.
if grep -rnE 'TEST_CASE\("[^"]*;' tests; then
  echo "test.sh: a test name above holds ';' (ctest would run nothing for it)" >&2
  exit 1
fi

jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVARN_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --no-tests=error --timeout 300 --output-on-failure -j "$jobs"

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVARN_WERROR=ON -DVARN_SANITIZE=ON \
  -DVARN_WITH_QT=OFF >/dev/null
cmake --build build-asan -j "$jobs"
# An address-space limit cannot bound a sanitized process (ASan reserves
# terabytes of shadow memory), so the allocation-failure test runs above only.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --no-tests=error --timeout 900 --output-on-failure -j "$jobs" \
  -E '^an allocation failure for a body'

# libFuzzer (clang): the request handler, the envelope decoder and the
# change-set decoder, each for a short bounded time (see server/fuzz).
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVARN_WERROR=ON \
  -DVARN_FUZZ=ON -DVARN_WITH_QT=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target varn_fuzzers
ctest --test-dir build-fuzz -R '^fuzz_' --no-tests=error --output-on-failure -j "$jobs"
