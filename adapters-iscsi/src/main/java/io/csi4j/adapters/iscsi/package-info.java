/**
 * The node's iSCSI initiator through open-iscsi: node records and logins with iscsiadm, devices read from sysfs
 * (with udev's {@code /dev/disk/by-path} names waited for where udev runs), multipath maps through multipath and
 * multipathd when the daemon runs. Implements {@link io.csi4j.ports.out.host.IscsiInitiator}; every command is
 * bounded by a timeout and its secrets are masked in messages.
 */
package io.csi4j.adapters.iscsi;
