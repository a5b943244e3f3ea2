#!/bin/sh
# Reproduces the figures of the README's performance section in a few minutes.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am package -DskipTests
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
java -cp benchmarks/target/benchmarks.jar dev.micrograd.bench.Figures
java -Xmx16g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar dev.micrograd.bench.NodeMemory 1000000 10000000 100000000
