#!/bin/bash
# Boots one test node guest under qemu (TCG) on tap$((NODE-1)) in the servers' namespace and stays in the
# foreground until the guest powers off (TIMEOUT seconds at most). The node's folder $WORKDIR/node$NODE is shared
# read-write at /job (put the plugin jar there); HOSTRO (e.g. a JDK) is shared read-only at /host.
#   AGENT=1 (default)  serve commands on the unix socket $WORKDIR/node$NODE/agent.sock (one per line; the guest
#                      answers the output and "__TN_RC__ <rc>"; "__TN_POWEROFF__" powers off)
#   AGENT=0            run $WORKDIR/node$NODE/run.sh and power off (status in rc, output in out.log)
#   NODE=1  MEM=768  SMP=1  TIMEOUT=1800  HOSTRO=<dir>
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
NODE=${NODE:-1}; MEM=${MEM:-768}; SMP=${SMP:-1}; TIMEOUT=${TIMEOUT:-1800}; AGENT=${AGENT:-1}
WORK=$WORKDIR/node$NODE
KVER=$(cat "$WORKDIR/kver")
mkdir -p "$WORK"
rm -f "$WORK/agent.sock" "$WORK/rc"
ARGS=(-accel tcg,thread=multi,tb-size=128 -cpu max -m "$MEM" -smp "$SMP" -nodefaults -no-user-config -nographic
      -serial "file:$WORK/console.log" -no-reboot
      -kernel "$WORKDIR/vmlinux-$KVER" -initrd "$WORKDIR/node-initramfs.cpio.zst"
      -netdev "tap,id=n0,ifname=tap$((NODE-1)),script=no,downscript=no"
      -device "virtio-net-pci,netdev=n0,romfile=,mac=52:54:00:77:00:$(printf %02x "$NODE")"
      -virtfs "local,path=$WORK,mount_tag=work,security_model=none,id=work")
APPEND="console=ttyS0 panic=-1 quiet loglevel=3 mitigations=off tn.ip=$NET.$((NODE+1))/24 tn.gw=$NET.1 tn.hostname=node$NODE"
if [ -n "${HOSTRO:-}" ]; then
  ARGS+=(-virtfs "local,path=$HOSTRO,mount_tag=hostro,security_model=none,readonly=on,id=hostro")
fi
if [ "$AGENT" = 1 ]; then
  ARGS+=(-device virtio-serial-pci,romfile= -chardev "socket,id=agent,path=$WORK/agent.sock,server=on,wait=off"
         -device virtserialport,chardev=agent,name=tn.agent)
  APPEND="$APPEND tn.mode=agent"
fi
exec ip netns exec "$NS" timeout --kill-after=10 "$TIMEOUT" qemu-system-x86_64 "${ARGS[@]}" -append "$APPEND"
