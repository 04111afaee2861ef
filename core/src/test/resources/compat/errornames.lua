-- run-time errors name the variable they are about, as LuaJIT's do; each line below holds one
-- instruction that can fail that way, so compiled code (which knows only the line) names it too
local function err(f, ...) local ok, e = pcall(f, ...) return ok, (tostring(e):gsub("^[^:]*:%d+: ", "")) end
print(err(function() local x = cfg.key return x end))
print(err(function() local t; t.x = 1 end))
print(err(function(t) return t[1] end))
print(err(function() undefined_function() end))
print(err(function() local o = {}; o:missing() end))
print(err(function() local o; o:missing() end))
print(err(function() local n = "abc"; return n + 1 end))
print(err(function() local n = "abc"; return 2 * n end))
print(err(function() local n; return -n end))
print(err(function() local s = {}; return s % 2 end))
print(err(function() return 1 + not_a_number end))
print(err(function() local t; return #t end))
local u
print(err(function() return "a" .. u end))
print(err(function() return u .. "a" end))
print(err(function() u() end))
print(err(function() return u.field end))
print(err(function() u.field = 1 end))
print(err(function() local b; return "x" .. b .. "c" end))
print(err(function() local a, b; return a .. b end))
print(err(function() local v = string.nofunction("x") return v end))
print(err(function() local t = { f = 1 }; t.f() end))
print(err(function() local t = {}; return t.x + 1 end))
print(err(function() local x = {} < {} end))
print(err(function() local k = "z"; local t = {}; local v = t[k]
  return v.y end))
-- no name where Lua has none: a computed key, a constant, a call's result
print(err(function() local t, k = {}, "z"; return t[k]() end))
print(err(function() return ("x")() end))
print(err(function() local function none() end; return none().x end))
print(err(function() for _ in nil do end end))
-- errors that are no VM faults keep their text
print(err(function() error("attempt to index this") end))
print(err(function() error("attempt to call this", 0) end))
