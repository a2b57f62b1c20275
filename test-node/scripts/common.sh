# Shared settings of the test-node scripts. Source it; every value can be overridden from the environment.
#   WORKDIR  kernel, initramfs, server state and per-node folders (default ${TMPDIR:-/tmp}/csi4j-test-node)
#   NS       the private network namespace of the storage servers and the guest
#   NET      the private /24 (first three octets): servers .1, guests .2.., the host's window .254
#   TGT_CP   tgtd's private control port (its lock file is global across namespaces)
WORKDIR=${WORKDIR:-${TMPDIR:-/tmp}/csi4j-test-node}
NS=${NS:-csi4j-tn}
NET=${NET:-192.168.77}
TGT_CP=${TGT_CP:-7}
HOSTIF=${HOSTIF:-csi4jtn0}
SRV=$WORKDIR/srv
export WORKDIR NS NET TGT_CP HOSTIF SRV

tn_log() { echo "[test-node $(date +%H:%M:%S)] $*" >&2; }
tn_die() { tn_log "error: $*"; exit 1; }
