#!/bin/bash
# One-time, idempotent preparation of the qemu test node on a Debian 12 host (root, Debian mirror reachable):
# host packages (qemu, the storage servers, and the client tools copied into the guest), the guest kernel taken
# from the Debian archive (never installed on the host), and the guest initramfs.
# Outputs in $WORKDIR: vmlinux-$KVER (PVH-bootable ELF), node-initramfs.cpio.zst, kver. Re-running only rebuilds
# what is missing; FORCE_INITRAMFS=1 rebuilds the initramfs (after editing guest-init.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
[ "$(id -u)" = 0 ] || tn_die "prepare.sh needs root (apt-get, depmod into the work folder)"
mkdir -p "$WORKDIR/debs"
cd "$WORKDIR"
PACKAGES="qemu-system-x86 qemu-utils kmod zstd bc iproute2 nfs-ganesha nfs-ganesha-vfs rpcbind tgt samba
  nfs-common open-iscsi cifs-utils e2fsprogs xfsprogs util-linux coreutils multipath-tools"
missing=$(for p in $PACKAGES; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"; done)
export DEBIAN_FRONTEND=noninteractive
if [ -n "$missing" ]; then
  tn_log "installing: $(echo $missing)"
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# The guest kernel: the package that bookworm's linux-image-amd64 depends on now, or the one cached before.
if [ -f kver ] && [ -f "vmlinux-$(cat kver)" ] && [ -d "kern-std/lib/modules/$(cat kver)" ]; then
  KVER=$(cat kver)
else
  KPKG=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  [ -n "$KPKG" ] || tn_die "cannot tell which kernel package linux-image-amd64 depends on (apt-get update?)"
  KVER=${KPKG#linux-image-}
  # apt-get download as root warns that it cannot sandbox the download: harmless, and hidden
  (cd debs && { ls "${KPKG}"_*.deb >/dev/null 2>&1 || apt-get download "$KPKG" >/dev/null 2> >(grep -v unsandboxed >&2); })
  [ -d "kern-std/lib/modules/$KVER" ] || { mkdir -p kern-std; dpkg -x debs/"${KPKG}"_*.deb kern-std; }
  [ -f "kern-std/lib/modules/$KVER/modules.dep" ] || depmod -b kern-std "$KVER"
  # PVH boot of the uncompressed ELF skips real-mode setup and the in-guest XZ decompression (~2.5 s under TCG).
  python3 - "kern-std/boot/vmlinuz-$KVER" "vmlinux-$KVER" <<'PY'
import lzma, sys
data = open(sys.argv[1], 'rb').read()
start = data.find(b'\xfd7zXZ\x00')
if start < 0:
    sys.exit("no XZ stream in " + sys.argv[1])
open(sys.argv[2], 'wb').write(lzma.LZMADecompressor().decompress(data[start:]))
PY
  echo "$KVER" > kver
fi
(cd debs && { ls busybox-static_*.deb >/dev/null 2>&1 || apt-get download busybox-static >/dev/null 2> >(grep -v unsandboxed >&2); })
[ -x bb/bin/busybox ] || { mkdir -p bb; dpkg -x debs/busybox-static_*.deb bb; }
if [ ! -f node-initramfs.cpio.zst ] || [ "${FORCE_INITRAMFS:-0}" = 1 ] \
   || [ "$HERE/guest-init.sh" -nt node-initramfs.cpio.zst ] || [ "$HERE/build-initramfs.sh" -nt node-initramfs.cpio.zst ]; then
  KVER=$KVER "$HERE/build-initramfs.sh"
fi
tn_log "prepared: kernel $KVER in $WORKDIR"
