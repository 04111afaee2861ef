-- unions, enums and static const integers: layouts and ffi.C constants
local ffi = require "ffi"
local function err(f, ...) local ok, e = pcall(f, ...) return ok, (tostring(e):gsub("^[^:]*:%d+: ", "")) end
ffi.cdef[[
typedef union { uint32_t word; uint8_t bytes[4]; double d; } word_u;
union tagged_u { int i; float f; };
enum color { RED, GREEN = 5, BLUE };
typedef enum { SMALL = 1, LARGE = 1 << 4 } size_e;
typedef struct { enum color c; size_e s; } painted_t;
static const int LIMIT = 42;
]]
print(ffi.sizeof("word_u"), ffi.alignof("word_u"), ffi.typeof("union tagged_u"), ffi.sizeof("union tagged_u"))
local w = ffi.new("word_u") w.word = 0x01020304 print(w.bytes[0], w.bytes[3], ffi.offsetof("word_u", "d"))
print(ffi.C.RED, ffi.C.GREEN, ffi.C.BLUE, ffi.C.LARGE, ffi.C.LIMIT, ffi.sizeof("enum color"), ffi.typeof("enum color"))
local p = ffi.new("painted_t") p.c = ffi.C.BLUE p.s = 16 print(tonumber(p.c), tonumber(p.s), ffi.sizeof(p))

