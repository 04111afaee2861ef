-- the debug library: what does not depend on current lines (see debugtrace.lua for those)
print(type(debug), require("debug") == debug, package.loaded.debug == debug)
local main = debug.getinfo(1, "S")
print(main.source, main.short_src, main.what, main.linedefined)
local function f(a, b)
  return a + b
end
local fi = debug.getinfo(f)
print(fi.source, fi.short_src, fi.what, fi.linedefined, fi.lastlinedefined, fi.nups, fi.currentline, fi.func == f)
local pi = debug.getinfo(print)
print(pi.what, pi.source, pi.short_src, pi.linedefined, pi.currentline)
local g0 = debug.getinfo(0, "nS")
print(g0.what, g0.short_src, g0.name)
print(debug.getinfo(100), debug.getinfo(1, "S").what)
local function level2() return debug.getinfo(2, "S").what end
print(level2())
-- loadstring chunks are named by their text
local ls = loadstring("return debug.getinfo(1, 'S')")()
print(ls.source, ls.short_src, ls.what)
-- traceback: non-string messages come back as they are
local t = {}
print(debug.traceback(t) == t, debug.traceback(nil), debug.traceback(false))
print(debug.traceback("m"):match("^m\nstack traceback:\n") ~= nil)
print(debug.traceback(42):match("^42\nstack traceback:") ~= nil)
-- metatables without __metatable's protection
local locked = setmetatable({}, {__metatable = "locked", __index = {x = 1}})
print(getmetatable(locked), type(debug.getmetatable(locked)), debug.getmetatable(locked).__index.x)
local plain = {}
print(debug.setmetatable(plain, {__index = {y = 2}}), plain.y)
print(debug.getmetatable(1), debug.getmetatable(plain) ~= nil)
-- upvalues, numbered as Lua 5.1 does
local up, other = 5, "o"
local function u() return up, other end
print(debug.getupvalue(u, 1))
print(debug.getupvalue(u, 2))
print(debug.getupvalue(u, 3))
print(debug.setupvalue(u, 1, 7), u())
local counter = 0
local function bump() counter = counter + 1 return counter end
print(debug.getupvalue(bump, 1))
print(debug.setupvalue(bump, 1, 10), bump(), counter)
local nups = debug.getinfo(u, "u").nups
print(nups)
-- registry and environments
print(type(debug.getregistry()), debug.getregistry() == debug.getregistry())
print(debug.getfenv(f) == _G, debug.getfenv(1))
local env = setmetatable({}, {__index = _G})
print(debug.setfenv(f, env) == f, getfenv(f) == env)
print(debug.gethook())
-- the lines that hold code
local function lines(x)
  local y = x * 2

  return y
end
local active = {}
for line in pairs(debug.getinfo(lines, "L").activelines) do active[#active + 1] = line end
table.sort(active)
print(table.concat(active, " "))
local function one() return 1 end
active = {}
for line in pairs(debug.getinfo(one, "L").activelines) do active[#active + 1] = line end
print(table.concat(active, " "))
-- argument errors
print(pcall(function() debug.getinfo(1, "x") end))
print(pcall(function() debug.getinfo("a") end))
print(pcall(function() debug.getupvalue(1, 1) end))
print(pcall(function() debug.traceback("m", "x") end))
