#!/usr/bin/env python3
"""Records the expected output of a .cases file on nginx + lua-nginx-module (Debian's nginx).

Usage: record_cases.py FILE.cases [...]   rewrites each file's "--- out" sections in place.

Starts a private nginx (temporary prefix, port 18931) whose content handler defines the same
say/show/advance/dump helpers as the Java fixture (NgxLua + prelude.lua), runs every block's
"--- lua" snippet there, writes what it printed, and stops nginx again.
"""
import os, re, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
PORT = 18931
CONF = r"""
load_module /usr/lib/nginx/modules/ndk_http_module.so;
load_module /usr/lib/nginx/modules/ngx_http_lua_module.so;
worker_processes 1;
pid %(prefix)s/nginx.pid;
error_log %(prefix)s/error.log info;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path %(prefix)s/body;
  lua_shared_dict d 1m;
  lua_shared_dict small 12k;
  lua_shared_dict m 100k;
  lua_shared_dict m2 64k;
  server {
    listen 127.0.0.1:%(port)d;
    client_max_body_size 1m;
    client_body_buffer_size 1m;
    location /run {
      content_by_lua_block {
        ngx.req.read_body()
        local f, err = loadstring(ngx.req.get_body_data(), "=snippet")
        if not f then ngx.say("COMPILE: ", err) return end
        say = ngx.say
        advance = function(s) ngx.sleep(s) ngx.update_time() end
        show = function(...)
          local t = {}
          for i = 1, select("#", ...) do
            local v = select(i, ...)
            t[#t + 1] = type(v) == "string" and string.format("%%q", v) or tostring(v)
          end
          ngx.say(table.concat(t, " , "))
        end
        dofile("%(prelude)s")
        local ok, e = pcall(f)
        if not ok then ngx.say("ERROR: ", e) end
      }
    }
  }
}
"""


def run(lua):
    req = urllib.request.Request("http://127.0.0.1:%d/run" % PORT, data=lua.encode("utf-8"))
    return urllib.request.urlopen(req).read().decode("utf-8", "replace")


def record(path):
    text = open(path, encoding="utf-8").read()
    out = []
    for block in re.split(r"(?m)^(?==== )", text):
        if not block.startswith("=== "):
            out.append(block)
            continue
        lua = re.search(r"(?ms)^--- lua\n(.*?)(?=^--- |\Z)", block).group(1)
        head = block[:block.index("--- lua")]
        out.append(head + "--- lua\n" + lua + "--- out\n" + run(lua).rstrip("\n") + "\n\n")
    open(path, "w", encoding="utf-8").write("".join(out).rstrip("\n") + "\n")
    print("recorded", path)


def main():
    prefix = tempfile.mkdtemp(prefix="jresty-cases-")
    conf = os.path.join(prefix, "nginx.conf")
    with open(conf, "w") as f:
        f.write(CONF % {"prefix": prefix, "port": PORT, "prelude": os.path.join(HERE, "prelude.lua")})
    print("starting nginx in", prefix)
    subprocess.run(["/usr/sbin/nginx", "-p", prefix, "-c", conf], check=True)
    try:
        time.sleep(0.5)
        for path in sys.argv[1:]:
            record(path)
    finally:
        subprocess.run(["/usr/sbin/nginx", "-p", prefix, "-c", conf, "-s", "stop"], check=False)


if __name__ == "__main__":
    main()
