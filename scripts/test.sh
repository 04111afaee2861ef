#!/usr/bin/env bash
# Builds jresty and runs every test (unit and end-to-end).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
echo "== jresty: build and test with $("$here/mvn.sh" -v 2>/dev/null | sed -n 's/^Java version: \([^,]*\).*/JDK \1/p')"
exec "$here/mvn.sh" verify "$@"
