#!/usr/bin/env bash
# Runs the csi4j driver on the embedded local backend, building it first if needed.
# Serves CSI on $CSI_ENDPOINT (default unix:///tmp/csi4j/csi.sock); extra arguments go to the driver
# (see --help). As root, volumes live under /var/lib/csi4j; otherwise under ~/.local/share/csi4j.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib/jdk.sh
csi4j_find_jdk
jar=bootstrap/target/csi4j.jar
newest_source=$(find . -path ./.git -prune -o \( -name '*.java' -o -name '*.proto' -o -name pom.xml -o -name '*.xml' -o -name '*.properties' \) -newer "$jar" -print -quit 2>/dev/null || true)
if [ ! -f "$jar" ] || [ -n "$newest_source" ]; then
  csi4j_find_maven
  echo "Building csi4j (once; takes about a minute the first time)..." >&2
  mvn -B -q -DskipTests -pl bootstrap -am package
fi
export CSI_ENDPOINT="${CSI_ENDPOINT:-unix:///tmp/csi4j/csi.sock}"
exec java -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -jar "$jar" "$@"
