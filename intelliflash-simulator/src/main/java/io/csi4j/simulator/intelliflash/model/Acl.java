package io.csi4j.simulator.intelliflash.model;

/** One NFS network ACL entry (NetworkACL_V2_1): who may mount, read-write or read-only, with root access or not. */
public record Acl(String hostType, String host, String accessMode, boolean rootAccessForNFS) {}
