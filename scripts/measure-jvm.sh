#!/usr/bin/env bash
# Measures the csi4j driver under the JVM flag sets compared in docs/jvm-flags.md: startup to a socket that accepts,
# CPU time used until then, idle resident memory, resident memory and its peak after CYCLES volume cycles, and the
# anonymous part of it (what no other process shares); RUNS runs each, medians printed.
# The node role mounts (bind mounts under a scratch kubelet directory) and needs root. Builds nothing: run
# `mvn -B -q -DskipTests -pl bootstrap -am package` first.
# Usage: scripts/measure-jvm.sh [CYCLES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/jdk.sh
csi4j_find_jdk
cycles=${1:-100}
runs=${2:-3}
java="$JAVA_HOME/bin/java"
jar=bootstrap/target/csi4j.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

base="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
node="$base -Xms8m -Xmx48m -XX:MaxMetaspaceSize=64m -Xss256k -XX:-UsePerfData"
controller="$base -Xms16m -Xmx96m -XX:MaxMetaspaceSize=64m -Xss512k -XX:-UsePerfData"
deploy/docker/train-aot-cache.sh "$java" "$jar" "$work/csi4j.aot" $base -XX:-UsePerfData

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # role label extra-driver-args flags...
    local role=$1 label=$2 extra=$3
    shift 3
    local out
    out=$("$java" -Dlogback.configurationFile=logback-text.xml -DCSI4J_LOG_LEVEL=WARN "-Dmeasure.driverArgs=$extra" \
        -cp "$jar" scripts/MeasureJvm.java "$java" "$role" "$cycles" "$runs" "$@" 2>/dev/null | grep -E '^[0-9]+ ')
    printf '| %-10s | %-46s | %6s ms | %6s ms | %6s MiB | %6s MiB | %6s MiB | %6s MiB |\n' "$role" "$label" \
        "$(cut -d' ' -f1 <<<"$out" | median)" "$(cut -d' ' -f5 <<<"$out" | median)" \
        "$(cut -d' ' -f2 <<<"$out" | median | awk '{printf "%.0f", $1/1024}')" \
        "$(cut -d' ' -f3 <<<"$out" | median | awk '{printf "%.0f", $1/1024}')" \
        "$(cut -d' ' -f4 <<<"$out" | median | awk '{printf "%.0f", $1/1024}')" \
        "$(cut -d' ' -f6 <<<"$out" | median | awk '{printf "%.0f", $1/1024}')"
}

echo "$("$java" -version 2>&1 | head -1); $cycles cycles; median of $runs runs"
echo "| role       | flags                                          | startup   | start CPU | idle RSS   | RSS after  | peak RSS   | anon after |"
echo "|------------|------------------------------------------------|-----------|-----------|------------|------------|------------|------------|"
for role in controller node; do
    measure "$role" "JDK defaults (G1, C2, heap 1/4 of RAM)" ""
    measure "$role" "SerialGC, C1 only" "" $base
    if [ "$role" = node ]; then flags=$node; else flags=$controller; fi
    measure "$role" "recommended $role" "" $flags
    measure "$role" "recommended $role + AOT cache" "" $flags -XX:AOTCache="$work/csi4j.aot"
    measure "$role" "recommended $role + AOT cache + metrics on" "--metrics-address 127.0.0.1:0" \
        $flags -XX:AOTCache="$work/csi4j.aot"
done
