/**
 * The compiler: Lua source to LuaJ prototype (LuaC) to JVM classes (LuaJC), instrumented
 * with budget checks and error positions, cached by a hash of the source, with LuaJ's
 * interpreter as the fallback for the chunks LuaJC cannot translate.
 */
package io.jresty.core.compile;
