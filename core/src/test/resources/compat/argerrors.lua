-- argument errors of the standard library in C Lua's words (called in non-tail position so
-- LuaJIT names the function too). Not covered: method calls, where LuaJIT counts arguments
-- without self, and LuaJIT quirks such as ipairs() saying "value expected"
local function err(f) local ok, e = pcall(f) return ok, (tostring(e):gsub("^[^:]*:%d+:? ", "")) end
print(err(function() local x = math.max() return x end))
print(err(function() local x = math.floor("x") return x end))
print(err(function() local x = math.sqrt({}) return x end))
print(err(function() local x = string.sub() return x end))
print(err(function() local x = string.byte("x", {}) return x end))
print(err(function() local x = type() return x end))
print(err(function() local x = getmetatable() return x end))
print(err(function() local x = string.char(256) return x end))
print(err(function() local x = rawget(1, 1) return x end))
print(err(function() local x = select() return x end))
print(err(function() local x = string.reverse({}) return x end))
print(err(function() local x = math.abs() return x end))
print(err(function() local x = table.concat(nil) return x end))
