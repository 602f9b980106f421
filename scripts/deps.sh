#!/usr/bin/env bash
# The one list of Debian 12 packages Värn needs to build, test and run.
# Installs only what is missing, so a second run costs a dpkg query.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git clang libclang-rt-14-dev
  # crypto, local store, server store
  libsodium-dev libsqlcipher-dev libsqlite3-dev libssl-dev openssl
  # server: Asio/Beast are header-only in Boost 1.74
  libboost-dev
  # server's PostgreSQL backend: libpq, PostgreSQL's own C client (no C++
  # wrapper to depend on); the server itself for the tests' throwaway cluster
  libpq-dev postgresql-15
  # the load balancer of the multi-process storm test (TLS passed through in TCP mode)
  haproxy
  # well-kept header-only helpers: JSON codec, CLI parsing; QR codes for enrolment
  nlohmann-json3-dev libcli11-dev libqrencode-dev
  # tests
  catch2
  # client and UI
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml
  qml6-module-qtqml-workerscript qml6-module-qttest qml6-module-qtquick-dialogs
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps: installing ${#missing[@]} missing package(s): ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
