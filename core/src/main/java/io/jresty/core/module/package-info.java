/**
 * require and package.path as lua-nginx-module sets them up, and the modules jresty provides
 * in Java: resty.core (OpenResty's rebinds ngx.* through FFI) and a resty.lrucache that stands
 * in when lua-resty-lrucache's own files are not on the path.
 */
package io.jresty.core.module;
