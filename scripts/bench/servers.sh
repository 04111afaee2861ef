# Sourced by scripts/bench.sh: starting, probing and stopping the two servers, and running wrk.
# Every process started here is recorded in bench_pids so the EXIT trap stops exactly those.

NGINX_MODULES=/usr/lib/nginx/modules
bench_pids=()

# A loopback TCP port nobody listens on and that this run has not handed out yet.
bench_used_ports=" "
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    case "$bench_used_ports" in *" $port "*) continue ;; esac
    if [ -z "$(ss -Hltn "sport = :$port")" ]; then
      bench_used_ports+="$port "
      echo "$port"
      return
    fi
  done
}

# Writes PREFIX/conf/nginx.conf from a scenario template; nginx's copy also loads the Lua module.
write_conf() { # server template prefix port workers
  local server=$1 template=$2 prefix=$3 port=$4 workers=$5
  mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/html"
  {
    if [ "$server" = nginx ]; then
      echo "load_module $NGINX_MODULES/ndk_http_module.so;"
      echo "load_module $NGINX_MODULES/ngx_http_lua_module.so;"
      echo "daemon off; master_process on; pid logs/nginx.pid;"
    fi
    sed -e "s/@PORT@/$port/g" -e "s/@WORKERS@/$workers/g" "$template"
  } > "$prefix/conf/nginx.conf"
}

# Starts a server in the background of this shell (so it can be waited for); its pid in started_pid.
start_server() { # server prefix
  local server=$1 prefix=$2
  if [ "$server" = nginx ]; then
    nginx -p "$prefix/" -e logs/error.log -c conf/nginx.conf > "$prefix/logs/stdout.log" 2>&1 &
  else
    # shellcheck disable=SC2086  # JRESTY_JAVA_OPTS is a list of flags
    "$JAVA_HOME/bin/java" $JRESTY_JAVA_OPTS -jar "$JRESTY_JAR" -p "$prefix" -c conf/nginx.conf \
      > "$prefix/logs/stdout.log" 2>&1 &
  fi
  started_pid=$!
  bench_pids+=("$started_pid")
}

stop_server() { # pid
  local pid=$1 left=() p
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${bench_pids[@]}"; do [ "$p" = "$pid" ] || left+=("$p"); done
  bench_pids=("${left[@]}")
}

stop_all() {
  local p
  for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${bench_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  bench_pids=()
}

# Waits until URL answers 200 with Host HOST (and, when given, a body containing TEXT).
await_ready() { # pid prefix url host [text]
  local pid=$1 prefix=$2 url=$3 host=$4 text=${5:-} body i
  for ((i = 0; i < 600; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "server $pid exited while starting:" >&2
      tail -20 "$prefix/logs/stdout.log" "$prefix/logs/error.log" >&2 2>/dev/null || true
      return 1
    fi
    if body=$(curl -sf -H "Host: $host" "$url" 2>/dev/null) && [[ "$body" == *"$text"* ]]; then
      return 0
    fi
    sleep 0.1
  done
  echo "no answer from $url in 60 s" >&2
  tail -20 "$prefix/logs/stdout.log" "$prefix/logs/error.log" >&2 2>/dev/null || true
  return 1
}

# Peak resident set of a server in kB: VmHWM of the java process, or of nginx's master plus workers.
peak_rss_kb() { # server pid
  local server=$1 pid=$2 total=0 p
  local pids=("$pid")
  if [ "$server" = nginx ]; then
    while read -r p; do pids+=("$p"); done < <(ps -o pid= --ppid "$pid")
  fi
  for p in "${pids[@]}"; do
    total=$((total + $(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# wrk's latency figure (e.g. 412.00us, 1.20ms, 2.00s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
    printf "%.3f", n }'
}

# One wrk run; echoes "requests_per_s p50_ms p99_ms errors" (errors: non-2xx/3xx plus socket errors).
drive() { # seconds url host log
  local seconds=$1 url=$2 host=$3 log=$4 rps p50 p99 non2xx sock
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${seconds}s" --latency -H "Host: $host" "$url" > "$log" 2>&1
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$log")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$log")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$log")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$log")
  sock=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$log")
  echo "${rps:-0} $p50 $p99 $(( ${non2xx:-0} + ${sock:-0} ))"
}

median() { # numbers...
  printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {
    if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
