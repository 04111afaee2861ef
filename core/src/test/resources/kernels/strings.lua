-- string building, plain find, method calls on strings, table.concat
local parts = {}
for i = 1, 2000 do
  local s = "key" .. i
  if s:find("9", 1, true) then parts[#parts + 1] = s:upper() end
end
return #table.concat(parts, ",")
