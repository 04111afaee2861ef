-- Helpers every case snippet may use; the nginx harness that recorded the expected output
-- defines the same. dump(v) prints a table with its keys sorted, nested tables inline.
function dump(t)
  if type(t) ~= "table" then
    return type(t) == "string" and string.format("%q", t) or tostring(t)
  end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do
    out[#out + 1] = tostring(k) .. "=" .. dump(t[k])
  end
  return "{" .. table.concat(out, ",") .. "}"
end
