-- raising and catching errors: what giving them a position costs
local n = 0
for i = 1, 200 do
  local ok, err = pcall(function() error("boom") end)
  if not ok then n = n + #err end
end
return n
