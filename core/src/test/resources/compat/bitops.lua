-- LuaJIT BitOp: signed 32-bit results
local bit = require "bit"
print(bit.band(0xffffffff, 0xffffffff), bit.bor(0x80000000, 1), bit.bnot(0), bit.lshift(1, 31), bit.arshift(0x80000000, 4))
print(bit.tobit(0xffffffff), bit.tohex(255), bit.bswap(0x12345678), bit.tohex(-1, -4), bit.tohex(0x1234, 2))
print(bit.tobit(2^32 + 5), bit.rol(1, 33), bit.ror(1, 1), bit.band(1.9, 3), bit.tobit(-1.5), bit.tobit(2^31), bit.tohex(1, 0), bit.tohex(1, 9))
print(bit.lshift(1, 32), bit.rshift(-1, 28), bit.arshift(-256, 4), bit.bor(1, 2, 4, 8), bit.bxor(1), bit.lshift(1, -1), bit.rol(0x80000001, 1))
print(bit.tohex(0x1234, -3), bit.tohex("255"), bit.band("0x10", 0xff), bit.tohex(-1, 9), bit.tohex(-2, -12), bit.tobit(0.5), bit.tobit(1.5), bit.tobit(2.5))
print(bit.bxor(0x5555, 0xff00), bit.band(-1, 0x7fffffff), bit.rshift(0x80000000, 31), bit.arshift(-1, 31), bit.ror(0x12345678, 8), bit.rol(0x12345678, 4))
print(bit.tobit(2^53), bit.tobit(-2^31 - 1), bit.bnot(0x7fffffff), bit.tohex(bit.bnot(0)), bit.bswap(-1), bit.bswap(1))
local ok, e = pcall(function() local x = bit.band({}) return x end)
print(ok, (e:gsub("^[^:]*:%d+:? ", "")))
local ok2, e2 = pcall(function() local x = bit.band() return x end)
print(ok2, (e2:gsub("^[^:]*:%d+:? ", "")))
-- a checksum in the style of OpenResty code
local h = 0
for i = 1, 100 do h = bit.band(bit.bxor(bit.lshift(h, 5) + h, i), 0xffffffff) end
print(h, bit.tohex(h))
