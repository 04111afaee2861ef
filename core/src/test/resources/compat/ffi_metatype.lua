-- ffi.metatype: a struct's metamethods, fields first, then __index/__newindex
local function err(f, ...) local ok, e = pcall(f, ...) return ok, (tostring(e):gsub("^[^:]*:%d+: ", "")) end
local ffi = require "ffi"
ffi.cdef[[ typedef struct { double x, y; } vec_t; typedef struct plain_s { int a; } plain_t; ]]
local vec
local mt = {
  __add = function(a, b) return vec(a.x + b.x, a.y + b.y) end,
  __eq = function(a, b) return a.x == b.x and a.y == b.y end,
  __len = function(v) return math.sqrt(v.x * v.x + v.y * v.y) end,
  __tostring = function(v) return "vec(" .. v.x .. ", " .. v.y .. ")" end,
  __call = function(v, k) return v.x * k end,
  __lt = function(a, b) return #a < #b end,
  __index = { norm2 = function(v) return v.x * v.x + v.y * v.y end, kind = "vector" },
}
vec = ffi.metatype("vec_t", mt)
local a, b = vec(3, 4), vec(1, 2)
print(tostring(a + b), #a, a == vec(3, 4), a ~= b, a(10), b < a, a:norm2(), a.kind, a.x)
local arr = ffi.new("vec_t[2]", {{1, 1}, {2, 2}})
print(tostring(arr[1]), arr[1].kind, (arr + 1).kind, tostring(arr + 1))
local store = {}
ffi.metatype("plain_t", { __newindex = function(p, k, v) store[k] = v end, __index = function(p, k) return "idx:" .. k end })
local p = ffi.new("plain_t", 5)
p.extra = 9 p.a = 6
print(p.a, p.other, store.extra, store.a)
print(err(ffi.metatype, "vec_t", {}))
print(err(function() return ffi.new("plain_t") + 1 end))
print(err(function() return ffi.new("plain_t")() end))
