#!/usr/bin/env bash
# Runs a JMH benchmark of the core module with JDK 25, e.g.
#   scripts/jmh.sh KernelBench            (extra arguments go to JMH: -p engine=LUAJC -f 1 ...)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/jdk.sh"
cd "$here/.."
[ $# -ge 1 ] || { echo "usage: scripts/jmh.sh <BenchmarkClass> [jmh options]" >&2; exit 2; }
bench=$1; shift
echo "building core test classes (benchmarks) with $JAVA_HOME"
mvn -B -ntp -q -pl core -am test-compile
cp_file=$PWD/core/target/jmh.classpath
mvn -B -ntp -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
echo "running io.jresty.core.bench.$bench"
exec java -cp "core/target/test-classes:core/target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main "io.jresty.core.bench.$bench" "$@"
