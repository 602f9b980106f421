#!/usr/bin/env bash
# The README's main job: installs what is missing, builds, starts varn-server
# on its embedded store in var/demo/, makes a demo unit with an enrolled admin,
# worker and reviewer (first run only), then starts the varn app as the worker
# (VARN_DEMO_ROLE=reviewer|admin for the others).
# With no display it says so, keeps the server running and shows the varn-cli
# commands to use instead. Ctrl-C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

server=./build/server/varn-server
cli=./build/client/cli/varn-cli
demo=var/demo
port=${VARN_DEMO_PORT:-8443}
# Demo stores only: a real device never takes its passphrase from the environment.
export VARN_PASSPHRASE=${VARN_DEMO_PASSPHRASE:-demo-lösenord}
mkdir -p "$demo"

if [ ! -d "$demo/server" ]; then
  "$server" init --data "$demo/server" --unit Demo >"$demo/init.txt"
fi
code=$(sed -n 's/^code: //p' "$demo/init.txt")

"$server" serve --data "$demo/server" --listen "127.0.0.1:$port" >"$demo/listen.txt" 2>"$demo/server.log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  [ -s "$demo/listen.txt" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$demo/server.log" >&2; exit 1; }
  sleep 0.1
done
read -r _ url pin_field <"$demo/listen.txt"
pin=${pin_field#cert-sha256=}
echo "varn-server: $url (log: $demo/server.log)"

if [ ! -f "$demo/admin.varn" ]; then
  "$cli" --store "$demo/admin.varn" init
  "$cli" --store "$demo/admin.varn" enrol --server "$url" --pin "$pin" --code "$code" >/dev/null
  for role in worker reviewer; do
    "$cli" --store "$demo/$role.varn" init
    out=$("$cli" --store "$demo/$role.varn" enrol --server "$url" --pin "$pin")
    "$cli" --store "$demo/admin.varn" admin approve "$(sed -n 's/^code: //p' <<<"$out")" \
      --fingerprint "$(sed -n 's/^fingerprint: //p' <<<"$out")" \
      --pairing "$(sed -n 's/^pairing: //p' <<<"$out")" --role "$role" >/dev/null
    "$cli" --store "$demo/$role.varn" sync >/dev/null
  done
  ./scripts/demo_data.sh "$cli" "$demo/worker.varn"
  "$cli" --store "$demo/worker.varn" sync >/dev/null
  "$cli" --store "$demo/reviewer.varn" sync >/dev/null
  echo "demo unit ready: admin, worker and reviewer stores in $demo/ (passphrase: $VARN_PASSPHRASE)"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  cat <<MSG
No display found: the varn app needs one. The server keeps running; use varn-cli, e.g.
  VARN_PASSPHRASE='$VARN_PASSPHRASE' $cli --store $demo/worker.varn list notes
  VARN_PASSPHRASE='$VARN_PASSPHRASE' $cli --store $demo/admin.varn admin devices
Ctrl-C stops the server.
MSG
  wait "$server_pid"
  exit 0
fi
role=${VARN_DEMO_ROLE:-worker}
case "$role" in worker | reviewer | admin) ;; *) echo "VARN_DEMO_ROLE must be worker, reviewer or admin" >&2; exit 2 ;; esac
others=$(for r in worker reviewer admin; do [ "$r" = "$role" ] || echo "  ./build/client/app/varn --store $demo/$r.varn --server $url"; done)
cat <<MSG
Opening the app as the $role (passphrase: $VARN_PASSPHRASE). While it runs, the
other demo devices open in their own windows with:
$others
MSG
./build/client/app/varn --store "$demo/$role.varn" --server "$url"
