-- the length operator as LuaJIT: constructors fill the array part, __len is ignored on tables
-- (borders.lua has constructors with nils)
print(#{1, 2, nil, 4}, #{1, nil}, #{n = 1, 1, 2}, #{}, #{nil}, #{1, nil, nil, 4, nil, nil, nil, 8})
local t = {} for i = 1, 100 do t[i] = i end
print(#t) t[100] = nil print(#t) t[50] = nil print(#t == 99 or #t == 49)
local grow = {} for i = 1, 17 do grow[#grow + 1] = i end print(#grow)
print(#setmetatable({1, 2, 3}, {__len = function() return 42 end}))
local ins = {} table.insert(ins, "a") table.insert(ins, "b") print(#ins, table.getn(ins))
local sparse = {[1] = 1, [2] = 2, [3] = 3} print(#sparse)
local s = {1, 2, 3} s[#s + 1] = 4 s[#s + 1] = 5 print(#s, table.concat(s, ","))
local r = {1, 2, 3, 4, 5} table.remove(r) table.remove(r, 1) print(#r, table.concat(r, ","))
