#!/usr/bin/env bash
# The one command for the node end-to-end tests: prepares the qemu test node (once; root and the Debian mirror
# needed, about a minute the first time), builds csi4j, and runs the guest scenarios (NFS, SMB, iSCSI with
# CHAP and multipath, images on NFS, the iSCSI initiator contract in the guest). Extra arguments go to Maven,
# e.g. -Dit.test=NfsIT to run one class. Logs of the guest, the plugin and the servers end up in
# test-node/target/test-node-logs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "test-node/e2e.sh needs root (network namespace, tap device, servers on ports < 1024)" >&2; exit 1; }
test-node/scripts/prepare.sh
. scripts/lib/jdk.sh
csi4j_find_jdk
csi4j_find_maven
# Unit tests of the other modules are not this command's business (./test.sh runs everything).
exec mvn -B -pl test-node -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "$@"
