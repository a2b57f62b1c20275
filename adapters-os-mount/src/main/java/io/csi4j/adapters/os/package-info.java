/**
 * The Linux host adapter: implements the host out-ports ({@code io.csi4j.ports.out.host}) with the kernel's
 * mount table, mount syscalls and mount(8), losetup, blkid/mkfs/fsck/grow tools, sysfs and statvfs. Every
 * operation is bounded by a timeout and confined to the configured allowed roots.
 */
package io.csi4j.adapters.os;
