/**
 * Build-time bytecode patches of LuaJ classes whose behaviour our libraries cannot reach
 * (number to string in "..", error message text); run by exec-maven-plugin at process-classes.
 */
package io.jresty.core.compat.build;
