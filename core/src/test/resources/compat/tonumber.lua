-- tonumber and tostring edge cases
local inputs = {
  "0x", "-0x10", "0x1p4", "  12  ", "\t0x10\n", "1e", "1e5", ".5", "5.", "-.5e-3",
  "inf", "-inf", "infinity", "0x.8", "0x1P-1", "1 2", "", " ", "+5", "- 5", "0x-1",
  "1e+", "0xg", "00012", "1.5e+3", "\0", "12\0", "0X1F", "1e400", "-0", "0x7fffffff",
  "99999999999999999999", "1_000", "0b101", "12abc", "nan",
}
for _, s in ipairs(inputs) do
  io.write(string.format("%q", s), "=", tostring(tonumber(s)), "\n")
end
print(tonumber("ff", 16), tonumber("-ff", 16), tonumber("  ff  ", 16), tonumber("zz", 36),
  tonumber("8", 8), tonumber("1.5", 10), tonumber("7fffffff", 16), tonumber("ffffffffff", 16))
print(tonumber("10", 2), tonumber("Z", 36), tonumber("", 10), tonumber("g", 16))
print(tonumber(nil), tonumber({}), tonumber(true), tonumber(12, 10), tonumber(12, 16), tonumber(42))
local function err(f, ...) local ok, e = pcall(f, ...) return ok, (tostring(e):gsub("^[^:]*:%d+:? ", "")) end
print(err(function() local n = tonumber() return n end))
print(err(function() local n = tonumber("1", 1) return n end))
print(tostring(nil), tostring(true), tostring(false), tostring("x"), tostring(12), tostring(tonumber("-0")))
print(tostring(setmetatable({}, {__tostring = function() return "custom" end})))
print("10" + 1, "0x10" + 0, " 3 " * 2, "2" ^ 2, 10 .. "")
