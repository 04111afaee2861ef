-- number to string as LuaJIT: %.14g, inf/nan, integral values without ".0"
local zero, minus1 = 0, -1
local values = {
  1, 1.0, 3/1, -7, 2^31, 2^31 - 1, -2^31, 123456789012, 99999999999999, 1e14,
  2^53, 2^63, 1e15, 1e16, -1e15, 1e100, 1e300 * 10, -1e300 * 10, 1e308,
  1/3, 100/3, -2/3, 0.1, 0.1 + 0.2, 1e-5, 1e-4, 5e-324, 2.5, -0.5, 1.5e-7,
  123456.789, 0.000123456789, 1234567890.12345, 3.14159265358979,
  zero/minus1, 0.0, 1/0, -1/0, 255 / 256, 7.0e22,
}
for i, v in ipairs(values) do
  print(i, v, tostring(v), "s=" .. v, #tostring(v))
end
print(table.concat({1/3, 2^53, zero/minus1, 1e15, 3}, ","))
print(0/0 ~= 0/0, tostring(0/0) == "nan" or tostring(0/0) == "-nan")
print(1e15 == 10^15, 2^53 + 1 == 2^53, math.floor(3.7), math.ceil(-3.2), math.huge, -math.huge)
print(7 / 2, 7 % 3, -7 % 3, 7 % -3, 5.5 % 2, 2^0.5, 10 / 4 * 4)
print(math.max(1, 2.5), math.min(-1, -1.5), math.abs(-2^53), math.fmod(7, 3), math.fmod(-7, 3))
print(string.rep("=", 3), 8 / 1)
