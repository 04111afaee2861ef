#!/usr/bin/env bash
# CPU kernels (core/src/test/resources/kernels/*.lua) on jresty's engines beside luajit:
# JMH's KernelBench for LuaJC and the interpreter (both with the budget checks the server runs),
# then the same files on luajit, in one run, as a table of microseconds per run.
#   scripts/kernels.sh                 (KERNELS_QUICK=1 for shorter JMH runs)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
jmh_opts=()
if [ "${KERNELS_QUICK:-}" = 1 ]; then
  jmh_opts=(-wi 2 -i 3 -w 1 -r 1)
fi
"$here/jmh.sh" KernelBench -p engine=LUAJC,INTERPRETER -rf csv -rff "$out/jmh.csv" "${jmh_opts[@]}" >"$out/jmh.log" 2>&1 \
  || { cat "$out/jmh.log" >&2; exit 1; }
luajit_bin=$(command -v luajit || true)
echo "| kernel | LuaJC µs | interpreter µs | luajit µs | LuaJC / luajit |"
echo "|---|---:|---:|---:|---:|"
for pair in fib25:fib stringLoop:strings arithmeticLoop:loop pcallErrorLoop:errors; do
  method=${pair%%:*}; file=${pair#*:}
  score() { awk -F, -v m="$method" -v e="$1" '{gsub(/["\r]/, "")} $1 ~ "\\." m "$" && $NF == e {printf "%.1f", $5}' "$out/jmh.csv"; }
  jc=$(score LUAJC); interp=$(score INTERPRETER)
  if [ -n "$luajit_bin" ]; then
    lj=$("$luajit_bin" scripts/bench/luajit-kernel.lua "core/src/test/resources/kernels/$file.lua")
    ratio=$(awk -v a="$jc" -v b="$lj" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
  else
    lj="(no luajit)"; ratio="-"
  fi
  echo "| $file.lua | $jc | $interp | $lj | $ratio |"
done
echo
echo "JMH: average time per run (wall), 1 fork; luajit: process CPU time per run. $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)."
