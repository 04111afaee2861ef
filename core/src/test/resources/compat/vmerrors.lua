-- run-time errors of the VM, in LuaJIT's words where LuaJIT has no variable name to add
-- (the values here come from calls, which have no name; errornames.lua has the named forms)
local function err(f) local ok, e = pcall(f) return ok, (tostring(e):gsub("^[^:]*:%d+:? ", "")) end
local function none() return nil end
local function tbl() return {} end
local function str() return "s" end
print(err(function() local x = none()() return x end))
print(err(function() local x = tbl()() return x end))
print(err(function() local x = str()() return x end))
print(err(function() local x = none().field return x end))
print(err(function() local x = none() + 1 return x end))
print(err(function() local x = 1 + none() return x end))
print(err(function() local x = tbl() * 2 return x end))
print(err(function() local x = -tbl() return x end))
print(err(function() local x = "a" .. none() return x end))
print(err(function() local x = tbl() .. "a" return x end))
print(err(function() local x = tbl() < tbl() return x end))
print(err(function() local x = 1 < str() return x end))
print(err(function() local x = none() <= 1 return x end))
print(err(function() local x = #none() return x end))
print(err(function() local x = "x" + 1 return x end))
print(err(function() local x = str() < 1 return x end))
print(err(function() local x = none() < none() return x end))
print(err(function() local x = tbl() .. tbl() return x end))
print(err(function() local x = 1 .. tbl() return x end))
