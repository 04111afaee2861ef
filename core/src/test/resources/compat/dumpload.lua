-- string.dump round trips for every Lua function; loadstring is load in LuaJIT; files print as files
local function add(a, b) return a + b end
local bytes = string.dump(add)
print(type(bytes), bytes:byte(1) == 27, loadstring(bytes)(2, 3), load(bytes)(4, 5))
local function outer() local k = 10 return function(x) return x, k, type(print) end end
local inner = outer()
print(inner(2))
print(loadstring(string.dump(inner))(2))
print(pcall(loadstring(string.dump(function() error("where") end))))
print(loadstring(string.dump(function() return "stripped" end, true))())
print(pcall(string.dump, print))
print(pcall(function() local r = string.dump() return r end))
print(pcall(function() local r = string.dump("x") return r end))
local parts = {"return ", "40 + 2"} local i = 0
print(loadstring(function() i = i + 1 return parts[i] end)())
print(pcall(function() local r = loadstring(nil) return r end))
print(pcall(function() local r = loadstring({}) return r end))
print(tostring(io.stdout):match("^file %(0x%x+%)$") ~= nil, io.type(io.stdout))
local f = io.tmpfile() f:close() print(tostring(f), io.type(f))
