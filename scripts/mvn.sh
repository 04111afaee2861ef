#!/usr/bin/env bash
# Maven with a JDK >= 25, found by scripts/jdk.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/jdk.sh"
cd "$here/.."
exec mvn -B -ntp "$@"
