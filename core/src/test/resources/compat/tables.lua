-- table functions, 5.1 names and LuaJIT extensions
local new = require "table.new"
local clear = require "table.clear"
local nkeys = require "table.nkeys"
print(type(new), type(clear), type(nkeys), new == table.new, clear == table.clear)
local t = new(10, 4)
print(type(t), #t, next(t))
for i = 1, 5 do t[i] = i * i end
t.x, t.y = 1, 2
print(#t, nkeys(t), table.getn(t), table.maxn(t))
clear(t)
print(#t, nkeys(t), next(t))
print(table.maxn({1, 2, nil, 4, [10] = 1, [11.5] = 2}), table.maxn({}), table.maxn({a = 1}), table.maxn({[-3] = 1}))
print(table.getn({1, 2, 3}), table.getn({}))
local seen = {}
print(table.foreachi({10, 20, 30}, function(i, v) seen[#seen + 1] = i .. "=" .. v end), table.concat(seen, " "))
print(table.foreachi({10, 20, 30}, function(i, v) if v == 20 then return "stop at " .. i end end))
print(table.foreach({a = 1}, function(k, v) return k .. v end))
print(table.concat({1, 2, 3}, ", "), table.concat({}, "x"), table.concat({"a", "b", "c"}, "", 2, 3), table.concat({1, 2.5, "z"}))
local s = {5, 2, 8, 1, 9, 3}
table.sort(s) print(table.concat(s, " "))
table.sort(s, function(a, b) return a > b end) print(table.concat(s, " "))
local words = {"pear", "Apple", "fig", "banana"}
table.sort(words) print(table.concat(words, " "))
local ins = {1, 2, 3}
table.insert(ins, 4) table.insert(ins, 1, 0) print(table.concat(ins, ","), table.remove(ins), table.remove(ins, 1), table.concat(ins, ","))
print(type(table.pack), type(table.unpack), type(rawlen), type(bit32), type(unpack), type(table.getn), type(table.maxn))
print(unpack({1, 2, 3})) print(unpack({1, 2, 3}, 2)) print(unpack({1, 2, 3}, 2, 3)) print(select("#", unpack({}, 1, 3)))
print(pcall(table.concat, {{}}))
local n = nkeys({1, 2, 3, a = 1, b = 2, [1.5] = 3}) print(n)
