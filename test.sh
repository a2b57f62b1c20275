#!/usr/bin/env bash
# Runs every csi4j test: unit, use-case, contract, architecture and driver tests (the driver tests start the
# built jar on a temporary unix socket). Host tests mount, format and attach loop devices for real and need
# root; without root they are skipped with a message. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib/jdk.sh
csi4j_find_jdk
csi4j_find_maven
echo "Testing with $(java -version 2>&1 | head -n1) at $JAVA_HOME" >&2
exec mvn -B verify "$@"
