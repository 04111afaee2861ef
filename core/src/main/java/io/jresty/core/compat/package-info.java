/**
 * The LuaJIT 2.1 / Lua 5.1 dialect on top of LuaJ 3.0.1 (Lua 5.2), installed by
 * {@link io.jresty.core.compat.LuaCompat#install}: number formatting (%.14g), tostring and
 * tonumber, a C-printf string.format, Lua patterns, 5.1 names (unpack, loadstring, setfenv,
 * module, ...), LuaJIT's bit, table.new/clear/nkeys, jit and a failing ffi. The conformance
 * suite in core/src/test/resources/compat runs every file here and on luajit.
 */
package io.jresty.core.compat;
