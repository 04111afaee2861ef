#!/usr/bin/env bash
# Builds jresty and serves the usage example (plugin API + dynamic domain) on localhost.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root="$here/.."
source "$here/jdk.sh"
jar="$root/server/target/jresty.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -name '*.java' -newer "$jar" -not -path '*/target/*' | head -1)" ]; then
  echo "== building jresty.jar"
  "$here/mvn.sh" -q -DskipTests package
fi
echo "== serving usage/conf/nginx.conf (Ctrl-C stops)"
# -Xss4m: deep Lua recursion before "stack overflow"; the flag silences a JDK 25 warning from jboss-threads
exec "$JAVA_HOME/bin/java" -Xss4m --sun-misc-unsafe-memory-access=allow -jar "$jar" -p "$root/usage" -c conf/nginx.conf
