#!/usr/bin/env bash
# The BLE test bed without a radio: a private dbus-daemon and python3-dbusmock's bluez5 template with the wand fixes.
#   bed.sh start STATE_DIR   starts both, adds adapter hci0, prints DBUS_SYSTEM_BUS_ADDRESS=… on standard output
#   bed.sh stop STATE_DIR    stops both
# Missing dependencies are installed with apt-get; if that fails, the script fails (it never skips).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python=/usr/bin/python3   # python3-dbusmock installs for Debian's interpreter, not a pyenv one

ensure_dependencies() {
  local missing=()
  command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus)
  command -v dbus-send >/dev/null 2>&1 || missing+=(dbus-bin)
  { [ -x "$python" ] && "$python" -c 'import dbusmock' >/dev/null 2>&1; } || missing+=(python3-dbusmock)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "ble-testbed: installing ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  fi
  command -v dbus-daemon >/dev/null 2>&1 || { echo "ble-testbed: dbus-daemon is missing and could not be installed" >&2; exit 1; }
  "$python" -c 'import dbusmock' || { echo "ble-testbed: python3-dbusmock is missing and could not be installed" >&2; exit 1; }
}

start() {
  local dir="$1"
  mkdir -p "$dir"
  ensure_dependencies
  cat >"$dir/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$dir/bus.sock</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
CONF
  dbus-daemon --config-file="$dir/bus.conf" --fork --print-address=3 --print-pid=4 3>"$dir/address" 4>"$dir/daemon.pid"
  local address
  address="$(head -n1 "$dir/address")"
  DBUS_SYSTEM_BUS_ADDRESS="$address" nohup "$python" -m dbusmock --system -t "$here/wand_bluez.py" -l "$dir/mock.log" \
    >"$dir/mock.out" 2>&1 &
  echo $! >"$dir/mock.pid"
  for _ in $(seq 1 100); do
    if dbus-send --bus="$address" --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.bluez 2>/dev/null | grep -q 'boolean true'; then
      dbus-send --bus="$address" --print-reply --dest=org.bluez / org.wandfirmware.TestBed.AddBedAdapter string:hci0 >/dev/null
      echo "DBUS_SYSTEM_BUS_ADDRESS=$address"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/mock.pid")" 2>/dev/null; then
      echo "ble-testbed: the BlueZ mock exited:" >&2; cat "$dir/mock.out" >&2; stop "$dir"; exit 1
    fi
    sleep 0.1
  done
  echo "ble-testbed: the BlueZ mock did not claim org.bluez within 10 s:" >&2; cat "$dir/mock.out" >&2
  stop "$dir"; exit 1
}

stop() {
  local dir="$1"
  for pidfile in "$dir/mock.pid" "$dir/daemon.pid"; do
    [ -f "$pidfile" ] && kill "$(head -n1 "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

case "${1:-}" in
  start) start "${2:?state directory}";;
  stop) stop "${2:?state directory}";;
  *) echo "usage: $0 start|stop STATE_DIR" >&2; exit 2;;
esac
