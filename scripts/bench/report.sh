# Sourced by scripts/bench.sh: turns the per-round figures into the summary table (CSV and
# Markdown). Requests/s, p50 and p99 are medians over the rounds; errors are summed.

# scenarios that only jresty runs are compared with nginx's plain-phase version of the same Lua
baseline_of() { # scenario
  case "$1" in chain-dynacode | dynacode-1000) echo chain ;; *) echo "$1" ;; esac
}

summary_of() { # rounds_csv scenario workers server -> "rps p50 p99 errors" or nothing
  local rows
  rows=$(awk -F, -v s="$2" -v w="$3" -v v="$4" '$1 == s && $2 == w && $3 == v' "$1")
  [ -n "$rows" ] || return 0
  echo "$(median $(cut -d, -f5 <<< "$rows")) $(median $(cut -d, -f6 <<< "$rows")) $(median $(cut -d, -f7 <<< "$rows")) $(cut -d, -f8 <<< "$rows" | paste -sd+ | bc)"
}

write_report() { # rounds_csv rss_csv swaps_csv out_csv out_md
  local rounds=$1 rss=$2 swaps=$3 out_csv=$4 out_md=$5 key scenario workers server
  local rps p50 p99 errors kb ratio base nrps
  echo "scenario,workers,server,requests_per_s,p50_ms,p99_ms,peak_rss_mb,errors,jresty_over_nginx" > "$out_csv"
  {
    echo "# jresty beside nginx + lua-nginx-module"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`scripts/bench.sh\` on a shared, noisy machine:"
    echo "compare the ratios within this run rather than the absolute figures."
    echo
    machine
    echo
    echo "| scenario | workers | server | requests/s | p50 ms | p99 ms | peak RSS MB | errors | jresty/nginx |"
    echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
  } > "$out_md"
  while IFS=, read -r scenario workers server; do
    read -r rps p50 p99 errors <<< "$(summary_of "$rounds" "$scenario" "$workers" "$server")"
    kb=$(awk -F, -v s="$scenario" -v w="$workers" -v v="$server" '$1 == s && $2 == w && $3 == v {print $4}' "$rss")
    ratio=""
    if [ "$server" = jresty ]; then
      base=$(baseline_of "$scenario")
      nrps=$(summary_of "$rounds" "$base" "$workers" nginx | cut -d' ' -f1)
      if [ -n "$nrps" ] && [ "$nrps" != 0 ]; then
        ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN {printf "%.2f", a / b}')
        [ "$base" = "$scenario" ] || ratio="$ratio (vs nginx $base)"
      else
        ratio="n/a"
      fi
    fi
    local mb
    mb=$(awk -v k="${kb:-0}" 'BEGIN {printf "%.0f", k / 1024}')
    echo "$scenario,$workers,$server,$rps,$p50,$p99,$mb,$errors,${ratio%% *}" >> "$out_csv"
    echo "| $scenario | $workers | $server | $(printf '%.0f' "$rps") | $p50 | $p99 | $mb | $errors | $ratio |" >> "$out_md"
  done < <(tail -n +2 "$rounds" | cut -d, -f1-3 | awk '!seen[$0]++')
  if [ "$(wc -l < "$swaps")" -gt 1 ]; then
    {
      echo
      echo "Swapping the 1000-domain document in (jresty only; nginx has no such thing: n/a): time from"
      echo "publishing the file to the controller's \`poll()\` returning, and to the new plugin being served."
      echo
      echo "| workers | poll() ms (median) | served ms (median) | swaps |"
      echo "|---|---:|---:|---:|"
      for workers in $(tail -n +2 "$swaps" | cut -d, -f1 | sort -u); do
        local rows
        rows=$(awk -F, -v w="$workers" 'NR > 1 && $1 == w' "$swaps")
        echo "| $workers | $(median $(cut -d, -f3 <<< "$rows")) | $(median $(cut -d, -f4 <<< "$rows")) | $(wc -l <<< "$rows") |"
      done
    } >> "$out_md"
  fi
}
