/**
 * Build-time bytecode patches of LuaJ classes whose behaviour our libraries cannot reach
 * (number to string in "..", error message text, -0 in integer arithmetic and constants,
 * the array sizes behind #, table index errors); run by exec-maven-plugin at process-classes.
 */
package io.jresty.core.compat.build;
