package io.jresty.core.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;

/** The edges of the data-only ffi: what it refuses and how, and what LuaJIT's own suite cannot show. */
class FfiModuleTest {
    private final Globals g = worker();

    private static Globals worker() {
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        g.load("ffi = require 'ffi'", "=setup").call();
        return g;
    }

    private String run(Globals in, String lua) {
        return in.load(lua, "=test").call().tojstring();
    }

    private String run(String lua) {
        return run(g, lua);
    }

    private String error(String lua) {
        return run("local ok, err = pcall(function() " + lua + " end) assert(not ok) return err");
    }

    @Test
    void nativeFeaturesFailNamingThemAndSayingThereIsNoNativeFfi() {
        run("ffi.cdef[[ int getpid(void); extern int errno_value; ]]");
        assertThat(error("return ffi.C.getpid()")).contains("the C function or variable 'getpid' (ffi.C.getpid)")
                .contains("jresty runs on the JVM and has no native FFI");
        assertThat(error("return ffi.C.malloc")).contains("ffi.C.malloc (C symbols) is not supported: jresty runs on the JVM");
        assertThat(error("ffi.C.x = 1")).contains("ffi.C.x (C symbols) is not supported");
        for (String f : new String[] {"load", "gc", "errno", "typeinfo"}) {
            assertThat(error("return ffi." + f + "('x')")).contains("ffi." + f + " is not supported: jresty runs on the JVM");
        }
        run("ffi.cdef 'struct owned { void *p; };'");
        assertThat(error("ffi.metatype('struct owned', { __gc = function() end })"))
                .contains("__gc in ffi.metatype (finalizers) is not supported: jresty runs on the JVM");
    }

    @Test
    void declarationsOutsideTheSubsetAreRefusedByName() {
        assertThat(error("ffi.cdef 'typedef int (*cb_t)(int);'")).contains("does not support function pointers");
        assertThat(error("ffi.cdef 'struct bits { int a : 3; };'")).contains("does not support bit fields");
        assertThat(error("ffi.cdef 'static const double K = 3;'"))
                .contains("does not support static declarations other than integer constants");
        assertThat(error("ffi.cdef 'long double x;'")).contains("does not support long double");
    }

    @Test
    void enumMembersAndStaticConstIntegersAreTheOnlyThingsFfiCGives() {
        run("ffi.cdef 'enum flags { F_A = 1, F_B = F_A << 3, F_C }; static const int LIMIT = -(2 + 3);'");
        assertThat(run("return ffi.C.F_A .. ' ' .. ffi.C.F_B .. ' ' .. ffi.C.F_C .. ' ' .. ffi.C.LIMIT")).isEqualTo("1 8 9 -5");
        assertThat(error("ffi.C.F_A = 2")).contains("ffi.C.F_A (C symbols) is not supported");
    }

    @Test
    void errorsInCompiledCodeCarryTheLuaPosition() {
        run("ffi.cdef 'typedef struct { int a; } one_t;' o = ffi.new('one_t')");
        assertThat(run("local ok, err = pcall(function()\n o.nope = 1\n end) return err"))
                .isEqualTo("test:2: 'struct " + run("return (tostring(ffi.typeof(o)):match('struct (%d+)'))")
                        + "' has no member named 'nope'");
    }

    @Test
    void addressesAreUniquePerElementAndStable() {
        run("ffi.cdef 'typedef struct n_s { double d; struct n_s *next; } n_t;'");
        assertThat(run("local a = ffi.new('n_t[?]', 1000) local b = ffi.new('n_t[?]', 1000) local seen, n = {}, 0 "
                + "for _, arr in ipairs{a, b} do for i = 0, 999 do "
                + "  local k = tonumber(ffi.cast('uintptr_t', arr + i)) "
                + "  if not seen[k] then n = n + 1 end seen[k] = true end end "
                + "return n"))
                .isEqualTo("2000");
        assertThat(run("local a = ffi.new('n_t[2]') a[0].next = a + 1 "
                + "return tostring(tonumber(ffi.cast('uintptr_t', a[0].next)) == tonumber(ffi.cast('uintptr_t', a + 1)))"))
                .isEqualTo("true");
    }

    @Test
    void pointersIntoOtherBlocksAreFollowedAndBadOnesFailInsteadOfCrashing() {
        run("ffi.cdef 'typedef struct l_s { int v; struct l_s *next; } l_t;'");
        assertThat(run("local a, b = ffi.new('l_t'), ffi.new('l_t') a.next = b b.v = 7 "
                + "local p = ffi.cast('l_t *', a) return p.next.v"))
                .isEqualTo("7");
        assertThat(error("return ffi.cast('int *', 12345)[0]")).contains("invalid memory access at 0x3039");
        assertThat(error("return ffi.new('l_t').next.v")).contains("attempt to dereference a NULL pointer");
        assertThat(error("local a = ffi.new('int[2]') return a[2]")).contains("invalid memory access");
    }

    @Test
    void aForgedAddressReachesOnlyTheSameWorkersMemory() {
        String address = run("mine = ffi.new('int[1]', 7) return string.format('%.0f', tonumber(ffi.cast('uintptr_t', mine)))");
        assertThat(run("return ffi.cast('int *', " + address + ")[0]")).isEqualTo("7");
        assertThat(run(worker(), "local ok, err = pcall(function() return ffi.cast('int *', " + address + ")[0] end) return err"))
                .contains("invalid memory access");
    }

    @Test
    void eachWorkerHasItsOwnDeclarations() {
        Globals other = worker();
        String decl = "ffi.cdef 'struct same { int a; };' return ffi.sizeof('struct same')";
        assertThat(run(decl)).isEqualTo("4");
        assertThat(run(other, decl)).isEqualTo("4");
        assertThat(error("ffi.cdef 'struct same { int a; };'")).contains("attempt to redefine 'same'");
    }

    @Test
    void cdataIsItsOwnTypeAndANullPointerEqualsNilFromTheCdataSide() {
        assertThat(run("local p = ffi.cast('int *', nil) return type(p) .. ' ' .. tostring(p == nil) .. ' ' "
                + ".. tostring(not p) .. ' ' .. type(ffi.typeof('int'))")).isEqualTo("cdata true false cdata");
    }

    @Test
    void aStringCastToConstCharStarHasTheSameAddressForTheSameBytes() {
        assertThat(run("local a = tonumber(ffi.cast('uintptr_t', ffi.cast('const char *', 'key' .. 1))) "
                + "local b = tonumber(ffi.cast('uintptr_t', ffi.cast('const char *', 'key1'))) "
                + "local c = tonumber(ffi.cast('uintptr_t', ffi.cast('const char *', 'key2'))) "
                + "return tostring(a == b) .. ' ' .. tostring(a == c) .. ' ' .. a % 8")).isEqualTo("true false 0");
    }

    @Test
    void anAllocationLargerThanAQuarterOfTheHeapFailsInsteadOfTakingTheServerDown() {
        long tooMuch = Runtime.getRuntime().maxMemory() / 4 + 1;
        assertThat(error("return ffi.new('char[?]', " + tooMuch + ")")).contains("not enough memory");
        assertThat(run("return ffi.sizeof(ffi.new('char[?]', 4096))")).isEqualTo("4096");
    }

    @Test
    void aStructIsNoNumber() {
        run("ffi.cdef 'typedef struct { int a; } s_t;' s = ffi.new('s_t[1]')");
        assertThat(error("return ffi.cast('uintptr_t', s[0])")).matches(".*cannot convert 'struct \\d+' to 'uint64_t'");
        assertThat(run("return tostring(tonumber(ffi.cast('uintptr_t', s)) > 0)")).isEqualTo("true");
    }

    @Test
    void typeStringsThatAreNotTypesFail() {
        assertThatThrownBy(() -> run("return ffi.typeof('int x')")).isInstanceOf(LuaError.class).hasMessageContaining("unexpected 'x'");
        assertThat(error("return ffi.new('struct nowhere')")).contains("undeclared or implicit tag 'nowhere'");
    }
}
