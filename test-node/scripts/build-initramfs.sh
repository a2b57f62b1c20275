#!/bin/bash
# Builds the node guest's initramfs: busybox, the Debian kernel's modules for virtio, 9p, iSCSI, NFS, CIFS, ext4,
# xfs, loop and device-mapper multipath, and the host's own userland for what a Kubernetes node runs (mount and
# umount from util-linux, mount.nfs, mount.cifs, iscsid/iscsiadm, mkfs/fsck/grow tools, losetup, blkid, stat,
# multipath, udev for /dev/disk/by-path), each copied with its shared libraries, plus the libraries a JDK needs.
# Inputs and output in $WORKDIR (filled by prepare.sh); KVER names the kernel; OUT overrides the output file.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
KVER=${KVER:-$(cat "$WORKDIR/kver")}
KDIR=$WORKDIR/kern-std
STAGE=$WORKDIR/rootfs
OUT=${OUT:-$WORKDIR/node-initramfs.cpio.zst}
t0=$(date +%s)

rm -rf "$STAGE"
# the host's merged-/usr layout, so copied tools and libraries land where they expect each other
mkdir -p "$STAGE"/usr/{bin,sbin,lib/x86_64-linux-gnu,lib/udev/rules.d,lib/systemd,lib64} \
         "$STAGE"/etc/{iscsi/nodes,iscsi/send_targets,iscsi/ifaces,udev/rules.d} \
         "$STAGE"/{proc,sys,dev,run,tmp,mnt,root,host,job,var/lib/iscsi,var/lib/nfs/sm,var/lib/nfs/sm.bak,var/lock,var/lib/kubelet}
for d in bin sbin lib lib64; do ln -s "usr/$d" "$STAGE/$d"; done
ln -s ../run "$STAGE/var/run"

# --- kernel modules, resolved with kmod against the extracted kernel, loaded in order by /init
[ -f "$KDIR/lib/modules/$KVER/modules.dep" ] || depmod -b "$KDIR" "$KVER"
MODS="virtio_pci virtio_net virtio_console 9pnet_virtio 9p overlay
      ext4 xfs loop sd_mod iscsi_tcp dm_mod dm_multipath dm_round_robin dm_service_time dm_queue_length
      nfsv3 nfsv4
      gcm ccm sha512_generic cmac ecb md4 des_generic cifs"
: > "$STAGE/etc/modules.load"
for m in $MODS; do
  modprobe -d "$KDIR" -S "$KVER" --show-depends "$m" | awk '$1=="insmod"{print $2}'
done | awk '!seen[$0]++' | while read -r ko; do
  rel=${ko#"$KDIR"}
  mkdir -p "$STAGE$(dirname "$rel")"
  cp "$ko" "$STAGE$rel"
  echo "$rel" >> "$STAGE/etc/modules.load"
done
# every crypto module, so the kernel's request_module() finds what SMB3 asks for at mount time (gcm -> ghash, ...)
for d in crypto arch/x86/crypto lib/crypto; do
  mkdir -p "$STAGE/lib/modules/$KVER/kernel/$d"
  cp -r "$KDIR/lib/modules/$KVER/kernel/$d/." "$STAGE/lib/modules/$KVER/kernel/$d/"
done
cp "$KDIR/lib/modules/$KVER/"modules.{order,builtin,builtin.modinfo} "$STAGE/lib/modules/$KVER/"
depmod -b "$STAGE" "$KVER"

# --- userland from the host, with the shared libraries each one needs
BINS="/usr/bin/mount /usr/bin/umount /usr/sbin/losetup /usr/sbin/blkid /usr/sbin/blockdev /usr/bin/flock
      /usr/bin/stat /usr/bin/kmod
      /usr/sbin/mount.nfs /usr/sbin/rpc.statd /usr/sbin/rpcbind /usr/sbin/showmount /usr/sbin/sm-notify
      /usr/sbin/iscsid /usr/sbin/iscsiadm /usr/sbin/iscsi-iname /usr/sbin/mount.cifs
      /usr/sbin/mke2fs /usr/sbin/e2fsck /usr/sbin/resize2fs /usr/sbin/mkfs.xfs /usr/sbin/xfs_growfs /usr/sbin/xfs_repair
      /usr/sbin/multipath /usr/sbin/multipathd /usr/sbin/dmsetup /usr/sbin/kpartx
      /usr/bin/udevadm /usr/lib/udev/scsi_id /usr/lib/udev/ata_id"
copy_with_libs() {
  local f=$1 lib real
  mkdir -p "$STAGE$(dirname "$f")"
  cp -L "$f" "$STAGE$f"
  # mawk has no \s: match the ELF interpreter line with [ \t]
  ldd "$f" 2>/dev/null | awk '/=>/ {print $3} /^[ \t]*\/lib64\// {print $1}' | while read -r lib; do
    [ -n "$lib" ] || continue
    real=$(readlink -f "$lib")
    mkdir -p "$STAGE$(dirname "$lib")"
    [ -e "$STAGE$lib" ] || cp -L "$real" "$STAGE$lib"
  done
}
for b in $BINS; do copy_with_libs "$b"; done
# multipath's checker/prioritizer plugins are loaded with dlopen
for so in /usr/lib/multipath/*.so; do copy_with_libs "$so"; done
# what a JDK shared in over 9p needs beyond libc
for l in libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libz.so.1 libgcc_s.so.1 libstdc++.so.6 libnss_files.so.2; do
  cp -L "/usr/lib/x86_64-linux-gnu/$l" "$STAGE/usr/lib/x86_64-linux-gnu/"
done
ln -sf mount.nfs "$STAGE/usr/sbin/mount.nfs4"
ln -sf mount.cifs "$STAGE/usr/sbin/mount.smb3"
for t in modprobe insmod rmmod lsmod depmod modinfo; do ln -sf ../bin/kmod "$STAGE/usr/sbin/$t"; done
for t in mkfs.ext4 mkfs.ext3 mkfs.ext2; do ln -sf mke2fs "$STAGE/usr/sbin/$t"; done
ln -sf ../../bin/udevadm "$STAGE/usr/lib/systemd/systemd-udevd"
# busybox for everything else: an applet link wherever the host tools left the name free
cp "$WORKDIR/bb/bin/busybox" "$STAGE/usr/bin/busybox"
for a in $("$STAGE/usr/bin/busybox" --list); do
  [ -e "$STAGE/usr/bin/$a" ] || [ -e "$STAGE/usr/sbin/$a" ] || ln -s busybox "$STAGE/usr/bin/$a"
done

# --- udev: the rules that name block devices (/dev/disk/by-path, by-id) and complete device-mapper calls
for r in 50-udev-default 55-dm 60-block 60-persistent-storage 60-persistent-storage-dm 95-dm-notify; do
  cp "/usr/lib/udev/rules.d/$r.rules" "$STAGE/usr/lib/udev/rules.d/"
done

# --- configuration
cp /etc/netconfig /etc/services /etc/protocols /etc/mke2fs.conf "$STAGE/etc/"
sed 's|^iscsid.startup = .*|iscsid.startup = /bin/false|' /etc/iscsi/iscsid.conf > "$STAGE/etc/iscsi/iscsid.conf"
echo "InitiatorName=iqn.2024-01.io.csi4j.test:node1" > "$STAGE/etc/iscsi/initiatorname.iscsi"
cat > "$STAGE/etc/multipath.conf" <<'CONF'
defaults {
    user_friendly_names yes
    find_multipaths strict
}
CONF
printf 'root:x:0:0:root:/root:/bin/sh\nstatd:x:101:65534::/var/lib/nfs:/bin/false\n_rpc:x:102:65534::/run/rpcbind:/bin/false\nnobody:x:65534:65534::/:/bin/false\n' > "$STAGE/etc/passwd"
printf 'root:x:0:\ndisk:x:6:\nnogroup:x:65534:\n' > "$STAGE/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$STAGE/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' > "$STAGE/etc/hosts"
: > "$STAGE/etc/fstab"
cp "$HERE/guest-init.sh" "$STAGE/init"
chmod +x "$STAGE/init"

(cd "$STAGE" && find . | "$WORKDIR/bb/bin/busybox" cpio -o -H newc 2>/dev/null) | zstd -q -T0 -10 -f -o "$OUT"
tn_log "initramfs $(du -h "$OUT" | cut -f1) ($(du -sh "$STAGE" | cut -f1) unpacked, $(wc -l < "$STAGE/etc/modules.load") modules) in $(( $(date +%s) - t0 )) s"
rm -rf "$STAGE"
