#!/usr/bin/env bash
# The README's main job: installs what is missing, builds, then starts
# varn-server and the varn app against it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

./build/server/varn-server --version
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found: the varn app needs one. Use build/client/cli/varn-cli for headless work." >&2
  exit 0
fi
exec ./build/client/app/varn
