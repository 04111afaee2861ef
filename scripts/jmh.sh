#!/usr/bin/env bash
# Runs a JMH benchmark with JDK 25, from the core module unless -m names another, e.g.
#   scripts/jmh.sh KernelBench                  (extra arguments go to JMH: -p engine=LUAJC -f 1 ...)
#   scripts/jmh.sh -m server NgxCallBench
#   scripts/jmh.sh -m server PipelineBench -p scenario=hello,chain
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/jdk.sh"
cd "$here/.."
module=core
if [ "${1:-}" = -m ]; then
  module=${2:?"-m needs a module (core, server)"}
  shift 2
fi
[ $# -ge 1 ] || { echo "usage: scripts/jmh.sh [-m core|server] <BenchmarkClass> [jmh options]" >&2; exit 2; }
bench=$1; shift
echo "building $module test classes (benchmarks) with $JAVA_HOME"
cp_file=$PWD/$module/target/jmh.classpath
# one reactor run, so the sibling modules resolve to their target/classes (each module writes
# the file in turn; the one asked for comes last)
mvn -B -ntp -q -pl "$module" -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
echo "running io.jresty.$module.bench.$bench"
exec java --sun-misc-unsafe-memory-access=allow \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main "io.jresty.$module.bench.$bench" "$@"
