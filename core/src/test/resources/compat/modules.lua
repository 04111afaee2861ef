-- module() and package.seeall in a file loaded by require
package.preload["old.style"] = function(...)
  module("old.style", package.seeall)
  function greet(who) return "hello " .. who .. " from " .. _NAME end
  local hidden = 1
  counter = 0
  function bump() counter = counter + 1 return counter end
end
local m = require "old.style"
print(type(m), m == package.loaded["old.style"], m == old.style, m._NAME, m._PACKAGE, m._M == m)
print(m.greet("you"), m.bump(), m.bump(), m.counter, counter, greet)
package.preload["plain"] = function(...)
  module("plain")
  value = 7
end
local p = require "plain"
print(p.value, plain == p, value, p._PACKAGE)
package.preload["a.b.c"] = function(...) module(..., package.seeall) x = 1 end
require "a.b.c"
print(a.b.c.x, a.b.c._NAME, a.b.c._PACKAGE, x)
local seen = setmetatable({}, {})
package.seeall(seen)
print(seen.print == print, getmetatable(seen).__index == _G)
print(type(package.loaders), package.loaders[1] ~= nil, #package.loaders >= 2)
