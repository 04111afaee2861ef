-- select, unpack and varargs
local function count(...) return select("#", ...) end
local function pass(...) return ... end
print(count(), count(nil), count(nil, nil), count(pass(1, nil, nil)))
local function tail(...) local t = {...} return #t, t[1], t[3] end
print(tail(1, 2, 3))
print(pass(1, 2, 3), pass(4, 5))
print((pass(1, 2, 3)))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...) or 0) end
  return s
end
print(sum(1, 2, 3, nil, 5), sum())
print(unpack({1, 2, 3}, -1, 1))
local t = {n = 3, 1, nil, 3}
print(unpack(t, 1, t.n))
local function varret(n) if n == 0 then return end return n, varret(n - 1) end
print(varret(5))
print(string.format("%d %s", pass(1, "x")), math.max(pass(3, 9, 2)))
local packed = {pass(nil, nil, 3)}
print(packed[3], #{n = 1})
local function defaults(a, b, ...) return a, b, select("#", ...) end
print(defaults(1), defaults(1, 2, 3, 4))
local ok, a1, a2 = pcall(pass, "p", "q") print(ok, a1, a2)
print(xpcall(function(...) return select("#", ...) end, print, 1, 2))
