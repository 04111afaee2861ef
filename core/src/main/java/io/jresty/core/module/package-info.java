/**
 * require and package.path as lua-nginx-module sets them up, and the modules jresty provides
 * in Java where OpenResty's need FFI (resty.lrucache, resty.core).
 */
package io.jresty.core.module;
