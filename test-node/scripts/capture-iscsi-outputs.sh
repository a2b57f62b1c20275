#!/bin/bash
# Captures, on the test node, the tool output that the iSCSI adapter's parsers are tested with
# (adapters-iscsi/src/test/resources/captured): iscsiadm's session, node and discovery listings, udev's by-path
# names and multipath -ll, from a real open-iscsi and multipath-tools against tgtd. Needs prepare.sh first.
#   capture-iscsi-outputs.sh [OUTPUT_DIR]   (default: the adapter's test resources)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
OUT=${1:-$HERE/../../adapters-iscsi/src/test/resources/captured}
trap '"$HERE/srv-down.sh" >/dev/null 2>&1' EXIT
"$HERE/srv-up.sh"
ip netns exec "$NS" ip addr add "$NET.10/24" dev br0
truncate -s 320M "$SRV/luns/c1.img" "$SRV/luns/c2.img"
"$HERE/tgt.sh" --op new --mode target --tid 1 -T iqn.2024-01.io.csi4j.test:target1
"$HERE/tgt.sh" --op new --mode logicalunit --tid 1 --lun 1 -b "$SRV/luns/c1.img"
"$HERE/tgt.sh" --op new --mode logicalunit --tid 1 --lun 2 -b "$SRV/luns/c2.img"
"$HERE/tgt.sh" --op bind --mode target --tid 1 -I ALL
WORK=$WORKDIR/node1
rm -rf "$WORK"; mkdir -p "$WORK/captured"
cat > "$WORK/run.sh" <<GUEST
#!/bin/sh
set -x
C=/job/captured; T=iqn.2024-01.io.csi4j.test:target1; P1=$NET.1:3260; P2=$NET.10:3260
iscsid; sleep 0.5
iscsiadm -m discovery -t sendtargets -p \$P1 -o nonpersistent > \$C/iscsiadm-discovery.txt
iscsiadm -m node -T \$T -p \$P1 -o new
iscsiadm -m node > \$C/iscsiadm-node-new-record.txt
iscsiadm -m node -T \$T -p \$P1 --login
sleep 1
iscsiadm -m session > \$C/iscsiadm-session-one.txt
iscsiadm -m session -P 3 > \$C/iscsiadm-session-P3.txt
iscsiadm -m node -T \$T -p \$P2 -o new
iscsiadm -m node -T \$T -p \$P2 --login
sleep 1
iscsiadm -m session > \$C/iscsiadm-session-two-portals.txt
ls /dev/disk/by-path > \$C/dev-disk-by-path.txt
printf 'defaults {\n    user_friendly_names yes\n    find_multipaths greedy\n}\n' > /etc/multipath.conf
multipathd -s > /dev/null 2>&1 &
sleep 4
multipath -ll > \$C/multipath-ll-two-maps.txt
multipath -ll mpatha > \$C/multipath-ll-one-map.txt
multipath -F; kill %1 2>/dev/null; killall multipathd 2>/dev/null
iscsiadm -m node -u; iscsiadm -m node -o delete
GUEST
chmod +x "$WORK/run.sh"
AGENT=0 TIMEOUT=300 "$HERE/run-node.sh" > "$WORK/qemu.out" 2>&1 || true
[ "$(cat "$WORK/rc" 2>/dev/null)" = 0 ] || { cat "$WORK/out.log" >&2; tn_die "the capture failed in the guest"; }
mkdir -p "$OUT"
cp "$WORK"/captured/*.txt "$OUT/"
tn_log "captured into $OUT: $(ls "$WORK/captured" | tr '\n' ' ')"
