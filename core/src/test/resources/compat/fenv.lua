-- setfenv/getfenv on functions, as Lua 5.1 (levels are not supported on jresty, so none here)
local function reads() return x, y end
x, y = "global x", "global y"
print(reads())
local env = {x = "env x"}
print(setfenv(reads, env) == reads)
print(reads())
print(getfenv(reads) == env, getfenv(print) == _G, getfenv(0) == _G, getfenv(1) == _G, getfenv() == _G)
-- only this function changes: another closure over the same chunk keeps _G
local function other() return x end
print(other())
-- a sandbox in the style of OpenResty code: a loaded chunk run against its own table
local chunk = loadstring("y = 42; z = (x or 'no x') .. '!'; return y + 1")
local box = setmetatable({}, {__index = {x = "inherited"}})
setfenv(chunk, box)
print(chunk(), box.y, box.z, rawget(box, "x"), y)
-- functions created by a sandboxed function see the sandbox
local maker = loadstring("return function() return marker end")
setfenv(maker, {marker = "inside"})
print(maker()())
-- writes go to the new environment
local writer = loadstring("written = true")
local wenv = {}
setfenv(writer, wenv)
writer()
print(wenv.written, written)
print(pcall(setfenv, print, {}))
