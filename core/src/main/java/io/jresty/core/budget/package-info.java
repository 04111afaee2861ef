/**
 * Budgets: bounds on how long Lua code may run. Compiled code and the interpreter call
 * {@link io.jresty.core.budget.Budget#tick()} at every loop back-edge and function entry; a
 * watchdog interrupts a runner past its deadline and the next tick ends it with a
 * {@link io.jresty.core.budget.LuaTimeout}, which {@code pcall} cannot catch.
 */
package io.jresty.core.budget;
