#!/bin/sh
# Trains the AOT cache of the csi4j image (JDK 25, JEP 483/514): starts the driver with every service and the
# embedded local backend in a scratch directory (its kubelet directory too, so nothing outside it is touched),
# waits until the socket accepts, stops it with SIGTERM; the JVM writes the cache of the classes it loaded and
# linked when it exits. Flags after the cache path are the JVM flags to train with (use those the image runs with).
# Usage: train-aot-cache.sh <java> <csi4j.jar> <cache to write> [jvm flags...]
set -eu
java=$1 jar=$2 cache=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/csi4j.yaml" <<YAML
kubeletDir: $work/kubelet
backends:
  local:
    type: local
    root: $work/root
YAML
"$java" "$@" -XX:AOTCacheOutput="$cache" -jar "$jar" --endpoint "unix://$work/csi.sock" --mode all \
    --config "$work/csi4j.yaml" --node-id aot-training >"$work/driver.log" 2>&1 &
pid=$!
i=0
until [ -S "$work/csi.sock" ]; do
    i=$((i + 1))
    if [ "$i" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
        cat "$work/driver.log" >&2
        echo "train-aot-cache: the driver did not open its socket" >&2
        exit 1
    fi
    sleep 0.1
done
kill -TERM "$pid"
wait "$pid" || true
test -s "$cache" || { cat "$work/driver.log" >&2; echo "train-aot-cache: no cache written" >&2; exit 1; }
