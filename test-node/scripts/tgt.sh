#!/bin/bash
# Runs tgtadm against the test node's tgtd, inside its namespaces: tgt.sh --op new --mode target --tid 1 -T IQN ...
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
pid=$(awk '$1=="tgtd"{print $2}' "$SRV/pids" 2>/dev/null)
[ -n "$pid" ] && [ -e "/proc/$pid" ] || tn_die "tgtd is not running (srv-up.sh)"
for _ in $(seq 1 50); do
  nsenter --target "$pid" --mount --net tgtadm -C "$TGT_CP" --lld iscsi "$@" 2>"$SRV/logs/tgtadm.err" && exit 0
  # tgtd answers "connection refused" until its control socket is up
  grep -q "can't connect\|Connection refused\|No such file" "$SRV/logs/tgtadm.err" || break
  sleep 0.1
done
cat "$SRV/logs/tgtadm.err" >&2
exit 1
