-- compiled only: the interpreter's frames have no current line (LuaJ keeps its pc in a local)
-- debug.traceback and debug.getinfo's lines and names; [C] frames are dropped from tracebacks
-- (jresty does not list Java functions)
local function lua_only(tb)
  return (tb:gsub("\n\t%[C%][^\n]*", ""))
end
local function f() print(lua_only(debug.traceback("msg"))) end
f()
local M = {}
function M.g() print(lua_only(debug.traceback("m2", 1))) end
M.g()
function global_fn() print(lua_only(debug.traceback("m3", 2))) end
local function caller() global_fn() end
caller()
local obj = {}
function obj:method() print(lua_only(debug.traceback())) end
obj:method()
local anon = {function() print(lua_only(debug.traceback("anon"))) end}
anon[1]()
local function where()
  local i = debug.getinfo(1, "nSl")
  local c = debug.getinfo(2, "Sl")
  print(i.name, i.namewhat, i.what, i.currentline, i.linedefined, i.lastlinedefined, c.currentline, c.what)
end
where()
local function deep(n) if n == 0 then return lua_only(debug.traceback("deep")) end local r = deep(n - 1) return r end
-- 20 levels of deep: no cut yet (a deeper one is cut at 22 on LuaJIT, counting its C entry frame)
print(deep(19))
print(debug.getinfo(1, "l").currentline)
-- in an xpcall handler, the traceback starts where the error was raised
local function raise() error("boom") end
local function middle() raise() return 1 end
local ok, tb = xpcall(middle, debug.traceback)
print(ok, lua_only(tb))
local function handler(e) return lua_only(debug.traceback("handled: " .. e, 1)) end
print(select(2, xpcall(function() raise() end, handler)))
print(select(2, xpcall(function() middle() end, function(e) return lua_only(debug.traceback(e, 2)) end)))
