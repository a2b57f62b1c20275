#!/bin/bash
# Runs inside the servers' private network and mount namespaces (see srv-up.sh): gives them their own /run and
# starts rpcbind, rpc.statd, nfs-ganesha, tgtd and smbd in the background, each in a session of its own (tgtd
# signals its whole process group when it shuts down). Their PIDs go to $SRV/pids.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
mount -t tmpfs tmpfs /run
mkdir -p /run/rpcbind /run/tgtd /run/ganesha /run/lock
start() { # start NAME CMD...
  local name=$1; shift
  setsid "$@" > "$SRV/logs/$name.log" 2>&1 < /dev/null &
  echo "$name $!" >> "$SRV/pids"
}
start rpcbind rpcbind -f -w
for _ in $(seq 1 50); do [ -S /run/rpcbind.sock ] && break; sleep 0.1; done
# ganesha's NLM (NFSv3 locks) needs a statd on the server side
start statd rpc.statd -F --no-notify -P "$SRV/statd"
for _ in $(seq 1 50); do rpcinfo -p 127.0.0.1 2>/dev/null | grep -q status && break; sleep 0.1; done
start ganesha ganesha.nfsd -F -f "$SRV/ganesha.conf" -L "$SRV/logs/ganesha.nfsd.log" -p /run/ganesha/ganesha.pid -N NIV_EVENT
start tgtd tgtd -f -C "$TGT_CP" --iscsi portal=0.0.0.0:3260
printf '%s\n%s\n' "$(cat "$SRV/smb-password")" "$(cat "$SRV/smb-password")" | smbpasswd -c "$SRV/smb.conf" -s -a root > /dev/null
start smbd smbd --foreground --no-process-group --debug-stdout -s "$SRV/smb.conf"
