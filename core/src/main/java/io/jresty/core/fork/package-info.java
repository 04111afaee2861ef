/**
 * nginx's fork of the master's Lua state, on the JVM: init_by_lua runs once, in one state,
 * and every other worker gets a deep copy of what it left behind (globals, loaded modules,
 * closures with their upvalues), so later changes in one worker stay in that worker.
 */
package io.jresty.core.fork;
