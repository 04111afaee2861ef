/** Lua coroutines on virtual threads: one side runs at a time, the worker lock and the resumer's per-thread state follow the turn, and a scope ends the suspended coroutines of a request. */
package io.jresty.core.coroutine;
