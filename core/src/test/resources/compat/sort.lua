-- table.sort as LuaJIT: same algorithm, so ties land in the same order
local records = {}
for i = 1, 40 do records[i] = {id = i, prio = (i * 7) % 5} end
table.sort(records, function(a, b) return a.prio < b.prio end)
local ids = {} for i, r in ipairs(records) do ids[i] = r.prio .. ":" .. r.id end
print(table.concat(ids, " "))
local words = {"pear", "fig", "apple", "kiwi", "plum", "date", "lime", "sloe", "yuzu", "nut"}
table.sort(words, function(a, b) return #a < #b end)
print(table.concat(words, " "))
local nums = {} for i = 1, 100 do nums[i] = (i * 37) % 101 end
table.sort(nums) print(nums[1], nums[50], nums[100])
table.sort(nums, function(a, b) return a > b end) print(nums[1], nums[50], nums[100])
local ok, e = pcall(table.sort, {3, 1, 2, 5, 4, 9, 8, 7, 6, 10, 12, 11}, function(a, b) return true end)
print(ok, (tostring(e):gsub("^[^:]*:%d+:? ", "")))
print(pcall(table.sort, {1, "x", 2}) == false)
local one = {1} table.sort(one) print(one[1])
local empty = {} table.sort(empty) print(#empty)
local mixed = {"b", "a", "C", "B"} table.sort(mixed) print(table.concat(mixed))
local ok2, e2 = pcall(function() table.sort({3, 2, 1}, 42) end)
print(ok2, (tostring(e2):gsub("^[^:]*:%d+:? ", "")))
