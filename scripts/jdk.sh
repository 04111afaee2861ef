# Sourced by the other scripts: exports JAVA_HOME pointing at a JDK >= 25.
# JAVA_HOME wins when it is new enough; otherwise the usual JVM directories are searched.
jresty_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

jresty_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(jresty_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(jresty_find_jdk); then
  echo "jresty needs a JDK 25 or newer: none in JAVA_HOME or /usr/lib/jvm" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
