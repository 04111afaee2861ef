/**
 * A data-only {@code ffi} for the JVM: C struct, array, pointer and number types declared with
 * {@code ffi.cdef}, allocated by {@code ffi.new} in Java memory with LuaJIT's layout, so Lua code
 * that keeps plain data in C structs (lua-resty-lrucache) runs unchanged. There is no native
 * code behind it: calling C functions, loading libraries and C symbols in {@code ffi.C} fail with an error
 * that says so.
 */
package io.jresty.core.ffi;
