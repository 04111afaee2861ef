#!/usr/bin/env bash
# Runs scripts/bench.sh once per set of JVM flags (scenarios hello and chain by default) and
# gathers jresty's rows side by side in results/jvm.md: how the flags in bench.sh were chosen.
#   scripts/bench/compare-jvm.sh
#   JVM_CHOICES="parallel=-XX:+UseParallelGC;zgc=-XX:+UseZGC" scripts/bench/compare-jvm.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
common="--sun-misc-unsafe-memory-access=allow"
choices=${JVM_CHOICES:-"parallel-256m=-Xms256m -Xmx256m -XX:+UseParallelGC;g1-256m=-Xms256m -Xmx256m -XX:+UseG1GC;zgc-256m=-Xms256m -Xmx256m -XX:+UseZGC;parallel-128m=-Xms128m -Xmx128m -XX:+UseParallelGC;parallel-1g=-Xms1g -Xmx1g -XX:+UseParallelGC"}
export BENCH_SCENARIOS=${BENCH_SCENARIOS:-hello,chain}
export BENCH_WORKERS=${BENCH_WORKERS:-2}
out="$here/results/jvm.md"
{
  echo "# JVM flags for jresty, compared on $BENCH_SCENARIOS (worker_processes $BENCH_WORKERS)"
  echo
  echo "Each line is its own bench.sh run with nginx alongside, so the jresty/nginx ratio is the"
  echo "figure to compare (the machine is shared and its speed drifts between runs)."
  echo
  echo "| flags | scenario | jresty requests/s | p50 ms | p99 ms | peak RSS MB | jresty/nginx |"
  echo "|---|---|---:|---:|---:|---:|---:|"
} > "$out.tmp"
mkdir -p "$here/results/rounds"
IFS=';' read -r -a list <<< "$choices"
for choice in "${list[@]}"; do
  name=${choice%%=*}
  flags=${choice#*=}
  echo "== $name: $flags"
  BENCH_RESULTS="$here/results/rounds/jvm-$name" JRESTY_JAVA_OPTS="$flags $common" "$here/../bench.sh" > "$here/results/rounds/jvm-$name.log" 2>&1
  awk -F, -v n="$name" 'NR > 1 && $3 == "jresty" {printf "| %s | %s | %.0f | %s | %s | %s | %s |\n", n, $1, $4, $5, $6, $7, $9}' \
    "$here/results/rounds/jvm-$name/latest.csv" | tee -a "$out.tmp"
done
mv "$out.tmp" "$out"
cat "$out"
