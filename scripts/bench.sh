#!/usr/bin/env bash
# Benchmarks jresty beside nginx + lua-nginx-module (Debian's), in one run on this machine.
# For every scenario and worker count it writes one conf (the same Lua for both servers), starts
# both on free loopback ports, warms each up, then drives them with wrk in interleaved rounds and
# prints requests/s (median of rounds), p50, p99, peak RSS and the jresty/nginx ratio.
#
#   scripts/bench.sh                          everything (about 15 minutes)
#   BENCH_QUICK=1 scripts/bench.sh            2 rounds x 3 s, 3 s warm-up
#   BENCH_SCENARIOS=hello,chain BENCH_WORKERS=1 scripts/bench.sh
#   JRESTY_JAVA_OPTS="-Xmx512m -XX:+UseZGC" scripts/bench.sh    other JVM flags
#
# Results: scripts/bench/results/latest.md and latest.csv (BENCH_RESULTS=dir elsewhere),
# per-round figures and wrk logs in the same directory under rounds/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bench_dir="$here/bench"
source "$bench_dir/servers.sh"

all_scenarios="hello,chain,chain-dynacode,static,shdict,cjson,proxy,dynacode-1000"
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  : "${BENCH_ROUNDS:=2}" "${BENCH_DURATION:=3}" "${BENCH_WARMUP:=3}"
fi
BENCH_SCENARIOS=${BENCH_SCENARIOS:-$all_scenarios}
BENCH_WORKERS=${BENCH_WORKERS:-1 2}
BENCH_ROUNDS=${BENCH_ROUNDS:-3}
BENCH_DURATION=${BENCH_DURATION:-5}
BENCH_WARMUP=${BENCH_WARMUP:-8}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_SWAPS=${BENCH_SWAPS:-3}
results=${BENCH_RESULTS:-$bench_dir/results}

# JVM flags, chosen by measurement (scripts/bench/compare-jvm.sh, results in
# scripts/bench/results/jvm.md; hello and chain, 2 workers, each run beside nginx):
# - collector: ParallelGC, G1 and ZGC gave jresty/nginx ratios within this machine's noise of
#   each other (0.60-1.02 across runs), but ParallelGC kept the smallest peak RSS (357-417 MB
#   against G1's 448-487 and ZGC's 491-524 at the same heap); the heap is almost all
#   short-lived per-request garbage, which a throughput collector handles best.
# - heap: 256 MB fixed. 128 MB does not survive the benchmark: the direct buffers Undertow
#   keeps (MaxDirectMemorySize defaults to -Xmx) run out and the server stops answering
#   ("OutOfMemoryError: Cannot reserve 16384 bytes of direct buffer memory"); 1 GB added
#   ~250 MB of RSS for no clear gain.
# The last flag silences JDK 25's warning about jboss-threads' use of sun.misc.Unsafe.
: "${JRESTY_JAVA_OPTS:=-Xms256m -Xmx256m -XX:+UseParallelGC --sun-misc-unsafe-memory-access=allow}"

step() { echo "== $*"; }

# --- what the run needs -------------------------------------------------------------------
missing=()
command -v nginx > /dev/null || missing+=(nginx)
[ -f "$NGINX_MODULES/ngx_http_lua_module.so" ] || missing+=(libnginx-mod-http-lua)
dpkg -s lua-resty-core > /dev/null 2>&1 || missing+=(lua-resty-core)
dpkg -s lua-cjson > /dev/null 2>&1 || missing+=(lua-cjson)
command -v wrk > /dev/null || missing+=(wrk)
command -v curl > /dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing from Debian: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
fi

source "$here/jdk.sh"
JRESTY_JAR="$root/server/target/jresty.jar"
# fresh: no main source, resource or pom newer than the jar (tests and benchmarks do not count)
if [ ! -f "$JRESTY_JAR" ] || [ -n "$(find "$root" \( -path '*/src/main/*' -o -name pom.xml \) -type f \
    -newer "$JRESTY_JAR" -not -path '*/target/*' | head -1)" ]; then
  step "building jresty.jar"
  "$here/mvn.sh" -q -DskipTests package
fi

work=$(mktemp -d /tmp/jresty-bench.XXXXXX)
chmod 755 "$work"   # nginx workers run as nobody when started by root and must read the html roots
trap 'stop_all; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$results/rounds"
rounds_csv="$results/rounds/rounds.csv"
echo "scenario,workers,server,round,requests_per_s,p50_ms,p99_ms,errors" > "$rounds_csv"
swaps_csv="$results/rounds/swaps.csv"
echo "workers,swap,poll_ms,served_ms" > "$swaps_csv"

machine() {
  echo "- cpu: $(nproc) x $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "- memory: $(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- kernel: $(uname -r)"
  echo "- jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "- nginx: $(nginx -v 2>&1 | sed 's/^nginx version: //'), lua-nginx-module $(dpkg-query -W -f='${Version}' libnginx-mod-http-lua), $(dpkg-query -W -f='luajit2 ${Version}' luajit2 2>/dev/null || echo luajit)"
  echo "- wrk: -t$BENCH_THREADS -c$BENCH_CONNECTIONS, $BENCH_ROUNDS interleaved rounds x ${BENCH_DURATION} s after ${BENCH_WARMUP} s warm-up each"
  echo "- jresty JVM flags: $JRESTY_JAVA_OPTS"
}
step "machine"
machine

# scenario -> "template path host servers domains"; domains > 0: a dynacode document is served
declare -A spec=(
  [hello]="hello.conf /hello localhost nginx,jresty 0"
  [chain]="chain.conf /?token=token d1.bench.test nginx,jresty 0"
  [chain-dynacode]="dynacode.conf /?token=token d1.bench.test jresty 1"
  [static]="static.conf /static/1k.txt localhost nginx,jresty 0"
  [shdict]="shdict.conf /incr localhost nginx,jresty 0"
  [cjson]="cjson.conf /json localhost nginx,jresty 0"
  [proxy]="proxy.conf /proxy localhost nginx,jresty 0"
  [dynacode-1000]="dynacode.conf /?token=token d1000.bench.test jresty 1000"
)

# Publishes a document atomically, as an API server swapping files would.
publish() { # prefix domains greeting
  "$bench_dir/dynacode-doc.sh" "$2" "$3" > "$1/html/api/doc.json.tmp"
  mv "$1/html/api/doc.json.tmp" "$1/html/api/doc.json"
}

prepare_prefix() { # server scenario prefix port workers
  local template path host servers domains
  read -r template path host servers domains <<< "${spec[$2]}"
  write_conf "$1" "$bench_dir/scenarios/$template" "$3" "$4" "$5"
  mkdir -p "$3/html/static" "$3/html/api"
  head -c 1024 /dev/zero | tr '\0' 'x' > "$3/html/static/1k.txt"
  if [ "$domains" -gt 0 ]; then
    local greeting=v0
    [ "$domains" = 1 ] && greeting="hello from a plugin"
    publish "$3" "$domains" "$greeting"
  fi
}

# Times document swaps on a running dynacode jresty: publish, call the controller's poll(),
# then request until the new greeting is served.
measure_swaps() { # workers port domains host
  local workers=$1 port=$2 domains=$3 host=$4 prefix=$5 k t0 t1 t2 polled body
  for ((k = 1; k <= BENCH_SWAPS; k++)); do
    t0=$(date +%s%N)
    publish "$prefix" "$domains" "v$k"
    polled=$(curl -sf "http://127.0.0.1:$port/poll")
    t1=$(date +%s%N)
    until body=$(curl -sf -H "Host: $host" "http://127.0.0.1:$port/?token=token") && [[ "$body" == "v$k on "* ]]; do
      if [ $(( $(date +%s%N) - t0 )) -gt 30000000000 ]; then
        echo "swap $k not served in 30 s (poll said $polled, body $body)" >&2; break
      fi
    done
    t2=$(date +%s%N)
    echo "$workers,$k,$(( (t1 - t0) / 1000000 )),$(( (t2 - t0) / 1000000 ))" >> "$swaps_csv"
    echo "   swap $k: poll() returned $polled after $(( (t1 - t0) / 1000000 )) ms, served after $(( (t2 - t0) / 1000000 )) ms"
  done
  echo "   status: $(curl -sf "http://127.0.0.1:$port/status" | head -c 400)"
}

run_scenario() { # scenario workers
  local scenario=$1 workers=$2 template path host servers domains server
  read -r template path host servers domains <<< "${spec[$scenario]}"
  local -A port pid prefix url
  IFS=, read -r -a list <<< "$servers"
  step "scenario $scenario, worker_processes $workers: ${list[*]}"
  for server in "${list[@]}"; do
    port[$server]=$(free_port)
    prefix[$server]="$work/$scenario-w$workers/$server"
    url[$server]="http://127.0.0.1:${port[$server]}$path"
    prepare_prefix "$server" "$scenario" "${prefix[$server]}" "${port[$server]}" "$workers"
    start_server "$server" "${prefix[$server]}"
    pid[$server]=$started_pid
  done
  local expect=""
  [ "$domains" -gt 0 ] && expect=" on $host"
  for server in "${list[@]}"; do
    await_ready "${pid[$server]}" "${prefix[$server]}" "${url[$server]}" "$host" "$expect"
    echo "   $server pid ${pid[$server]} on port ${port[$server]} answers: $(curl -s -H "Host: $host" "${url[$server]}" | head -c 60)"
  done
  if [ ${#list[@]} = 2 ]; then
    local a b
    a=$(curl -s -D - -o /dev/null -H "Host: $host" "${url[nginx]}" | grep -ci '^access-control\|^set-cookie' || true)
    b=$(curl -s -D - -o /dev/null -H "Host: $host" "${url[jresty]}" | grep -ci '^access-control\|^set-cookie' || true)
    if [ "$(curl -s -H "Host: $host" "${url[nginx]}")" != "$(curl -s -H "Host: $host" "${url[jresty]}")" ] || [ "$a" != "$b" ]; then
      echo "   WARNING: nginx and jresty answer differently" >&2
    fi
  fi
  for server in "${list[@]}"; do
    echo "   warming up $server for ${BENCH_WARMUP} s"
    drive "$BENCH_WARMUP" "${url[$server]}" "$host" "$results/rounds/$scenario-w$workers-$server-warmup.log" > /dev/null
  done
  local r order figures
  for ((r = 1; r <= BENCH_ROUNDS; r++)); do
    order=("${list[@]}")
    # alternate who goes first so neither always runs right after the other's burst
    if [ $((r % 2)) = 0 ] && [ ${#list[@]} = 2 ]; then order=("${list[1]}" "${list[0]}"); fi
    for server in "${order[@]}"; do
      figures=$(drive "$BENCH_DURATION" "${url[$server]}" "$host" "$results/rounds/$scenario-w$workers-$server-r$r.log")
      read -r rps p50 p99 errors <<< "$figures"
      if ! kill -0 "${pid[$server]}" 2>/dev/null || [ "$rps" = 0 ] || [ "$rps" = 0.00 ]; then
        echo "   WARNING: $server served nothing in round $r (see $results/rounds/$scenario-w$workers-$server-*.log)" >&2
      fi
      echo "   round $r $server: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
      echo "$scenario,$workers,$server,$r,$rps,$p50,$p99,$errors" >> "$rounds_csv"
    done
  done
  for server in "${list[@]}"; do
    echo "$scenario,$workers,$server,$(peak_rss_kb "$server" "${pid[$server]}")" >> "$work/rss.csv"
  done
  if [ "$scenario" = dynacode-1000 ]; then
    measure_swaps "$workers" "${port[jresty]}" "$domains" "$host" "${prefix[jresty]}"
  fi
  for server in "${list[@]}"; do
    stop_server "${pid[$server]}"
    # the prefix goes away with the run: keep what the server said
    for log in "${prefix[$server]}"/logs/*.log; do
      if [ -s "$log" ]; then cp "$log" "$results/rounds/$scenario-w$workers-$server-$(basename "$log")"; fi
    done
  done
}

: > "$work/rss.csv"
IFS=, read -r -a chosen <<< "$BENCH_SCENARIOS"
for workers in $BENCH_WORKERS; do
  for scenario in "${chosen[@]}"; do
    [ -n "${spec[$scenario]:-}" ] || { echo "unknown scenario $scenario (known: $all_scenarios)" >&2; exit 2; }
    run_scenario "$scenario" "$workers"
  done
done

# --- the table ---------------------------------------------------------------------------
source "$bench_dir/report.sh"
write_report "$rounds_csv" "$work/rss.csv" "$swaps_csv" "$results/latest.csv" "$results/latest.md"
step "results ($results/latest.md)"
cat "$results/latest.md"
