-- setfenv/getfenv on stack levels, as Lua 5.1 (Java library functions do not count as levels
-- on jresty, so no case calls them through pcall directly)
local G = _G
print(getfenv(0) == G, getfenv(1) == G, getfenv() == G)
-- getfenv(1) is the running function's environment, getfenv(2) its caller's
local function inner() local e = getfenv(1) return e end
local function callerEnv() local e = getfenv(2) return e end
local box = setmetatable({}, {__index = G})
setfenv(inner, box)
print(inner() == box, callerEnv() == G)
local function viaBox() local e = callerEnv() return e end
setfenv(viaBox, box)
print(viaBox() == box)
-- the module idiom: setfenv(1, M) makes later global accesses of the calling function use M
local function makeModule()
  local M = setmetatable({}, {__index = G})
  setfenv(1, M)
  answer = 42
  function greet(who) return "hello " .. who .. " " .. answer end
  return M
end
local M = makeModule()
print(M.answer, rawget(M, "greet") ~= nil, G.answer, G.greet, M.greet("lua"))
-- functions made after setfenv(1, ...) inherit it, functions made before keep theirs
local function sandboxed()
  local before = function() return marker end
  setfenv(1, {marker = "sandbox"})
  local after = function() return marker end
  return before(), after()
end
marker = "global"
print(sandboxed())
-- setfenv(2, t) from a helper changes its caller
local function into(t) setfenv(2, t) end
local function user()
  into({tostring = G.tostring, value = "from helper"})
  return tostring(value)
end
print(user(), value)
-- setfenv returns the function it changed
local function selfChanging()
  local f = setfenv(1, setmetatable({}, {__index = G}))
  return type(f)
end
print(selfChanging())
-- errors
print(pcall(function() local e = getfenv(50) return e end))
print(pcall(function() setfenv(50, {}) end))
print(pcall(function() setfenv(-1, {}) end))
print(pcall(function() setfenv(1) end))
print(pcall(function() local e = getfenv({}) return e end))
print(pcall(function() setfenv("x", {}) end))
-- level 0: the thread's environment, which loadstring gives new chunks
local threadEnv = setmetatable({}, {__index = G})
print(select("#", setfenv(0, threadEnv)), getfenv(0) == threadEnv)
loadstring("fromChunk = 1")()
print(rawget(threadEnv, "fromChunk"), G.fromChunk)
setfenv(0, G)
print(getfenv(0) == G)
-- recursion: each level is its own call
local depthEnv = setmetatable({}, {__index = G})
local function deep(n)
  if n == 0 then local e = getfenv(3) return e end
  local r = deep(n - 1)
  return r
end
setfenv(deep, depthEnv)
print(deep(3) == depthEnv)
-- a coroutine sees its own levels
local co = coroutine.wrap(function() local e = getfenv(1) coroutine.yield(e == G) local f = getfenv(2) return f end)
print(co())
print(pcall(co))
-- a chunk's main function: the module idiom at the top of a file
local modChunk = loadstring("local M = {} local G = getfenv(1) setfenv(1, M) version = 3 function get() return version end return M, G")
local mod, seen = modChunk()
print(mod.version, mod.get(), seen == G, version)
-- module() outside require changes the calling chunk too
local legacy = loadstring("module('legacy.mod', package.seeall) level = 'module' function where() return level end")
legacy()
print(legacy ~= nil, package.loaded["legacy.mod"].where(), level, getfenv(legacy) == package.loaded["legacy.mod"])
-- a hot function keeps finding itself once the JIT compiled it
local setfenv = setfenv
local function hot(i)
  setfenv(1, {n = i})
  return n
end
local sum = 0
for i = 1, 30000 do sum = sum + hot(i) end
print(sum)
