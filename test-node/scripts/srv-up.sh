#!/bin/bash
# Starts the storage servers of the test node in a private network namespace ($NS) and a private mount namespace
# (their /run is their own, so a host's rpcbind or tgtd is neither disturbed nor in the way):
#   $NET.1   bridge br0: nfs-ganesha (NFS v3 and v4.x, with rpcbind and rpc.statd for NLM), tgtd (iSCSI) and smbd
#   tap0..   one tap per guest (NODES, default 1); guests are $NET.2, $NET.3, ...
#   $NET.254 the host's window onto that network ($HOSTIF, a veth pair), so tests on the host reach the guests
# One NFS export ($SRV/nfsexport, the same path for v3 and v4; v4 also /export for the IntelliFlash simulator), one SMB share [share] ($SRV/smbshare, user root,
# password in $SRV/smb-password; the IntelliFlash simulator's SMB shares go into the included $SRV/smb-arrays.conf), and the iSCSI CHAP account in $SRV/chap (targets are added by the caller with
# tgt.sh). Server PIDs go to $SRV/pids; srv-down.sh stops them.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
NODES=${NODES:-1}
[ "$(id -u)" = 0 ] || tn_die "srv-up.sh needs root (network namespaces, ports below 1024)"
[ -e "/var/run/netns/$NS" ] && tn_die "network namespace $NS exists: run srv-down.sh first"
t0=$(date +%s.%N)
rm -rf "$SRV"
mkdir -p "$SRV"/{nfsexport,smbshare,intelliflash/pool-a/Local,ganesha-recov,logs,statd/sm,statd/sm.bak,luns} \
         "$SRV"/samba/{private,lock,state,cache,run,ncalrpc,bind-dns}
: > "$SRV/pids"
echo "smbpass123" > "$SRV/smb-password"
printf 'chapuser chapsecret123\n' > "$SRV/chap"

cat > "$SRV/ganesha.conf" <<CONF
NFS_CORE_PARAM {
    Protocols = 3, 4;
    NFS_Port = 2049;
    MNT_Port = 20048;
    NLM_Port = 32803;
    Enable_RQUOTA = false;
    Enable_NLM = true;
}
NFS_KRB5 { Active_krb5 = false; }
NFSV4 {
    Graceless = true;
    Lease_Lifetime = 15;
    RecoveryBackend = fs;
    RecoveryRoot = $SRV/ganesha-recov;
    Allow_Numeric_Owners = true;
    Only_Numeric_Owners = true;
}
EXPORT {
    Export_Id = 1;
    Path = $SRV/nfsexport;
    Pseudo = $SRV/nfsexport;
    Protocols = 3, 4;
    Transports = TCP;
    Access_Type = RW;
    Squash = No_Root_Squash;
    SecType = sys;
    # The array simulators change files behind ganesha's back (a controller grows an image in the tree): cached
    # attributes would hide that from clients for a minute.
    Attr_Expiration_Time = 0;
    FSAL { Name = VFS; }
}
# The IntelliFlash simulator's shares (its data directory $SRV/intelliflash, pool pool-a) under the array's own
# export paths /export/<project>/<share>.
EXPORT {
    Export_Id = 2;
    Path = $SRV/intelliflash/pool-a/Local;
    Pseudo = /export;
    Protocols = 4;
    Transports = TCP;
    Access_Type = RW;
    Squash = No_Root_Squash;
    SecType = sys;
    Attr_Expiration_Time = 0;
    FSAL { Name = VFS; }
}
LOG { Default_Log_Level = EVENT; }
CONF
cat > "$SRV/smb.conf" <<CONF
[global]
  workgroup = WORKGROUP
  server role = standalone server
  netbios name = CSI4JTESTSRV
  disable netbios = yes
  smb ports = 445
  server min protocol = SMB2_10
  passdb backend = tdbsam:$SRV/samba/private/passdb.tdb
  private dir = $SRV/samba/private
  lock directory = $SRV/samba/lock
  state directory = $SRV/samba/state
  cache directory = $SRV/samba/cache
  pid directory = $SRV/samba/run
  ncalrpc dir = $SRV/samba/ncalrpc
  binddns dir = $SRV/samba/bind-dns
  log file = $SRV/logs/samba.%m
  log level = 1
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes
  map to guest = never
[share]
  path = $SRV/smbshare
  read only = no
  valid users = root
# The IntelliFlash simulator's SMB shares, added by the tests (Servers.smbArrayShare) and reloaded.
include = $SRV/smb-arrays.conf
CONF
: > "$SRV/smb-arrays.conf"

NSX="ip netns exec $NS"
ip netns add "$NS"
$NSX ip link set lo up
$NSX ip link add br0 type bridge
$NSX ip addr add "$NET.1/24" dev br0
$NSX ip link set br0 up
for i in $(seq 0 $((NODES-1))); do
  $NSX ip tuntap add dev "tap$i" mode tap
  $NSX ip link set "tap$i" master br0
  $NSX ip link set "tap$i" up
done
ip link add "$HOSTIF" type veth peer name hostpeer netns "$NS"
$NSX ip link set hostpeer master br0
$NSX ip link set hostpeer up
ip addr add "$NET.254/24" dev "$HOSTIF"
ip link set "$HOSTIF" up

# The servers share one private mount namespace: servers.sh mounts a tmpfs on /run and starts them there.
$NSX unshare --mount --propagation private "$HERE/servers.sh" > "$SRV/logs/servers.log" 2>&1 \
  || { cat "$SRV/logs/servers.log" >&2; tn_die "servers did not start"; }
waitport() {
  for _ in $(seq 1 150); do
    $NSX ss -ltnH "sport = :$1" | grep -q . && return 0
    sleep 0.1
  done
  tn_die "nothing listens on port $1 (see $SRV/logs)"
}
for p in 111 2049 3260 445; do waitport "$p"; done
"$HERE/tgt.sh" --op new --mode account --user chapuser --password chapsecret123
echo "hello-from-nfs-export" > "$SRV/nfsexport/hello.txt"
echo "hello-from-smb-share" > "$SRV/smbshare/hello.txt"
tn_log "servers up in $(echo "$(date +%s.%N) - $t0" | bc) s: $(awk '{printf "%s ", $1}' "$SRV/pids")"
