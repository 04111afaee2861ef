#!/usr/bin/env bash
# Writes a dynacode plugin document to stdout: DOMAINS domains d1.bench.test .. dN.bench.test
# (anchored names, so only the last one matches dN), each with the three plugins of the
# dynacode example; GREETING tells one document from the next when a swap is measured.
#   scripts/bench/dynacode-doc.sh DOMAINS GREETING
set -euo pipefail
domains=${1:?domains}
greeting=${2:?greeting}
token='local token = ngx.var.arg_token or ngx.var.cookie_superstition\nif token ~= '"'token'"' then\n  return ngx.exit(ngx.HTTP_FORBIDDEN)\nend\nngx.header['"'Set-Cookie'"'] = {'"'superstition=token'"'}'
printf '{"general":{"status":"enabled","skip_domains":[]},"domains":['
for ((i = 1; i <= domains; i++)); do
  [ "$i" -gt 1 ] && printf ','
  printf '{"name":"^d%d\\\\.bench\\\\.test$","plugins":[' "$i"
  printf '{"name":"hello","phase":"content","code":"ngx.say('"'"'%s on '"'"', ngx.var.host)"},' "$greeting"
  printf '{"name":"cors","phase":"header_filter","code":"ngx.header['"'"'Access-Control-Allow-Origin'"'"'] = '"'"'*'"'"'"},'
  printf '{"name":"token","phase":"access","code":"%s"}]}' "$token"
done
printf ']}\n'
