-- the data-only ffi subset: structs, arrays, pointers, numbers (addresses are masked)
local ffi = require "ffi"
local function show(v) return (tostring(v):gsub("0x%x+", "ADDR")) end
-- positions are left out: the suite runs LuaJC without jresty's position pass
local function err(f, ...) local ok, e = pcall(f, ...) return ok, (tostring(e):gsub("^[^:]*:%d+: ", "")) end
ffi.cdef[[
    /* a doubly linked node, as lua-resty-lrucache declares it */
    typedef struct node_s node_t;
    struct node_s {
        double    expire;
        node_t   *prev;
        node_t   *next;
        uint32_t  flags;
    };
    typedef struct { int8_t a; int16_t b; int32_t c; int64_t d; uint8_t e; bool f; float g; } mix_t;
    int some_c_function(int x, const char *y);
]]
print(ffi.null, type(ffi.os), ffi.abi("64bit"), ffi.abi("be"))
local arr_t, node_t, uptr = ffi.typeof("node_t[?]"), ffi.typeof("node_t"), ffi.typeof("uintptr_t")
print(arr_t, node_t, uptr, ffi.typeof("node_t *"), ffi.typeof("const char*"), ffi.typeof("int[4]"), ffi.typeof("int *[3]"))
print(ffi.typeof("uint8_t"), ffi.typeof("int16_t"), ffi.typeof("unsigned long"), ffi.typeof("size_t"), ffi.typeof("unsigned"))
print(ffi.sizeof(node_t), ffi.sizeof(arr_t, 3), ffi.sizeof(node_t, 3), ffi.sizeof("int"), ffi.sizeof("node_t *"), ffi.sizeof("void"))
print(ffi.sizeof("mix_t"), ffi.alignof("mix_t"), ffi.offsetof("mix_t", "d"), ffi.offsetof("mix_t", "g"), ffi.offsetof("node_t", "flags"))
local q = ffi.new(arr_t, 4)
ffi.fill(q, ffi.sizeof(node_t, 4), 0)
print(type(q), show(q), show(q[0]), show(q + 1), ffi.sizeof(q))
print(show(q[0].prev), q[0].prev == nil, q[0].expire, q[0].flags)
q[0].prev = q
q[0].next = q[0]
print(q == q[0].prev, q[0] == q, q[0].prev == q[0], q[0].next == q, q == q + 1, q ~= q + 1)
local prev = q[0]
for i = 1, 3 do
    local e = q + i
    e.flags = i * 10
    prev.next = e
    e.prev = prev
    prev = e
end
q[3].next = q
q[0].prev = q[3]
local n, seen = q[0].next, {}
while n ~= q do seen[#seen + 1] = n.flags n = n.next end
print(table.concat(seen, " "), q[0].prev.prev.flags, q[2].next.next == q)
local k1, k2, k3 = tonumber(ffi.cast(uptr, q + 1)), tonumber(ffi.cast(uptr, q[0].next)), tonumber(ffi.cast(uptr, q))
print(type(k1), k1 == k2, k1 - k3, show(ffi.cast(uptr, q)):gsub("%d+ULL", "N") )
q[1].flags = 2^32 + 5 print(q[1].flags)
q[1].flags = -1 print(q[1].flags)
q[1].flags = 3.7 print(q[1].flags)
q[1].flags = true print(q[1].flags)
q[1].expire = 1.25 print(q[1].expire)
q[1].prev = nil print(q[1].prev == nil, show(q[1].prev))
print(err(function() q[1].flags = "x" end))
print(err(function() q[1].nope = 1 end))
print(err(function() return q[1].nope end))
print(err(function() return #q end))
print(err(function() return q + q end))
print(err(function() return q[0] + 1 end))
print(err(function() return q[0][0] end))
print(ffi.typeof(q), ffi.typeof(q[0]), ffi.typeof(q + 1))
print(ffi.istype(node_t, q[0]), ffi.istype(arr_t, q), ffi.istype("node_t*", q + 1), ffi.istype("int", 1))
local t = {} t[q + 1] = 1 t[q + 1] = 2 local c = 0 for _ in pairs(t) do c = c + 1 end print(c)
print((q + 3) - q, (q + 3) - (q + 1) == 2)
local m = ffi.new("mix_t", {1, 2, 3, 4, 255, true, 1.5})
print(m.a, m.b, m.c, m.d, m.e, m.f, m.g)
m.a, m.b, m.e = 200, 70000, 300 print(m.a, m.b, m.e)
local m2 = ffi.new("mix_t", {c = 9, g = 0.5}) print(m2.a, m2.c, m2.g)
local ints = ffi.new("int[?]", 4) ints[2] = 9 print(ints[2], ints[0], ints[3])
local three = ffi.new("int[3]", 5) print(three[0], three[2])
local listed = ffi.new("int[3]", {1, 2}) print(listed[0], listed[1], listed[2])
local consts = ffi.new("const unsigned int[3]", {7, 8, 9}) print(consts[0], consts[2])
print(err(function() consts[0] = 5 end))
print(err(ffi.new, "int[2]", {1, 2, 3}))
local buf = ffi.new("uint8_t[4]") ffi.fill(buf, 4, 65) print(ffi.string(buf, 4)) ffi.fill(buf, 2) print(buf[0], buf[3])
local b2 = ffi.new("char[4]") ffi.copy(b2, "hi") print(ffi.string(b2)) ffi.copy(b2, buf, 4) print(b2[3])
local s = ffi.cast("const char*", "hello") print(s[0], s[4], ffi.string(s), ffi.string(s, 3))
print(tonumber(ffi.cast("const char*", "same")) == tonumber(ffi.cast("const char*", "same")))
print(ffi.new("int64_t", 5), ffi.new("uint64_t", 5) + 1, ffi.new("int64_t", -3) * 2, -ffi.new("int64_t", 4))
print(tonumber(ffi.new("int64_t", 7)) + 1, ffi.new("uint64_t", 7) == 7, ffi.new("int64_t", 2) < ffi.new("int64_t", 3))
print(tonumber(ffi.cast("int", 3.9)), tonumber(ffi.cast("uint8_t", 257)), tonumber(ffi.new("double", 1.5)), tonumber(q))
local ctor = ffi.typeof("int[?]") local made = ctor(2, 4) print(made[0], made[1])
print(ffi.typeof("int") == ffi.typeof("int32_t"), ffi.typeof("int") == ffi.typeof("uint32_t"))
print(err(ffi.new, "struct nope"))
print(err(ffi.typeof, "foo_t"))
print(err(ffi.cdef, "struct node_s { int y; };"))
print(err(ffi.cdef, "struct bad { int x }"))
print(err(ffi.new, "int[?]"))
print(getmetatable(q), getmetatable(ffi.typeof("int")))
