#!/bin/bash
# Stops what srv-up.sh started (by recorded PID only) and removes the network namespace and the host's veth.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
if [ -f "$SRV/pids" ]; then
  tgt=$(awk '$1=="tgtd"{print $2}' "$SRV/pids")
  if [ -n "$tgt" ] && [ -e "/proc/$tgt" ]; then
    # tgtd ignores SIGTERM: take it down through its control port (targets first, as tgt.service does)
    X="nsenter --target $tgt --mount --net tgtadm -C $TGT_CP"
    $X --op update --mode sys --name State -v offline >/dev/null 2>&1
    for tid in $($X --lld iscsi --op show --mode target 2>/dev/null | sed -n 's/^Target \([0-9]*\):.*/\1/p'); do
      $X --lld iscsi --op delete --mode target --tid "$tid" --force >/dev/null 2>&1
    done
    $X --op delete --mode system >/dev/null 2>&1
  fi
  while read -r name pid; do
    for c in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill "$c" 2>/dev/null; done
    kill "$pid" 2>/dev/null
  done < "$SRV/pids"
  alive() { [ -e "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }
  for _ in $(seq 1 50); do
    any=0
    while read -r name pid; do alive "$pid" && any=1; done < "$SRV/pids"
    [ $any = 0 ] && break
    sleep 0.1
  done
  while read -r name pid; do
    alive "$pid" && { tn_log "$name ($pid) still alive after 5 s: SIGKILL"; kill -9 "$pid"; }
  done < "$SRV/pids"
  rm -f "$SRV/pids"
fi
ip link del "$HOSTIF" 2>/dev/null
ip netns del "$NS" 2>/dev/null
true
