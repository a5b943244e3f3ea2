#!/bin/sh
# Reproduces the figures of the README's performance section (about 6 minutes on 2 cores).
# The 100-million-node chain needs a 16 GB heap: run with --small to stop at 10 million nodes.
set -eu
cd "$(dirname "$0")/.."
sizes="1000000 10000000 100000000"
heap=16g
case "${1:-}" in
    "") ;;
    --small) sizes="1000000 10000000"; heap=4g ;;
    *) echo "usage: benchmarks/run.sh [--small]" >&2; exit 2 ;;
esac
./mvnw -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
java -cp "$jar" dev.micrograd.bench.Figures
for gc in G1 Parallel; do
    echo "backward() on chains, -Xmx$heap, $gc collector:"
    java -Xms$heap -Xmx$heap -XX:+Use${gc}GC -cp "$jar" dev.micrograd.bench.NodeMemory $sizes
done
