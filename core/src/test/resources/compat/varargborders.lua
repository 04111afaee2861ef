-- compiled only: LuaJ's interpreter stores a trailing ... or call of a constructor without sizing the array first
-- # on {...} and {f()} as LuaJIT: the array part grows to one slot past the values, so # searches among them
local function pack(...) return {...} end
local function two() return nil, 2 end
print(#{two()}, #{1, two()})
print(#pack(nil, nil, 3), #pack(1, nil, 3), #pack(1, nil), #pack(nil, 2, nil, 4), #pack(nil, 2), #pack())
print(#pack(1, 2, nil, 4, 5), #pack(1, nil, 3, 4, 5, 6), #pack(nil, nil, nil, nil, 5))
local args = pack(1, nil, 3, nil, 5)
local seen = {} for i = 1, #args do seen[#seen + 1] = tostring(args[i]) end print(#args, table.concat(seen, ","))
t = pack(1, 2, 3) t[#t + 1] = 4 t[#t + 1] = 5 print(#t)
