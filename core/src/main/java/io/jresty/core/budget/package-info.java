/**
 * Budgets: bounds on how long Lua code may run and how much it may allocate. Compiled code and
 * the interpreter call {@link io.jresty.core.budget.Budget#tick()} at every loop back-edge and
 * function entry; a watchdog interrupts a runner past its deadline and the next tick ends it with
 * a {@link io.jresty.core.budget.LuaTimeout}, which {@code pcall} cannot catch. LuaJ's tables and
 * strings charge what they allocate through {@link io.jresty.core.budget.LuaAllocation}; past a
 * budget's allocation limit the code ends with a {@link io.jresty.core.budget.LuaMemoryLimit}.
 */
package io.jresty.core.budget;
