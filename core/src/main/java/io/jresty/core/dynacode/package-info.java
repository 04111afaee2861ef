/**
 * The dynamic-plugin engine (the lua-resty-dynacode model): fetch a JSON document of Lua
 * plugins, compile them, and publish them as one immutable {@link io.jresty.core.dynacode.PluginSnapshot}
 * that request phases read through a {@link io.jresty.core.dynacode.PluginRegistry}.
 *
 * <p>Nothing here knows an HTTP server: the Lua-facing {@code resty.dynacode.controller}
 * lives in ngx-api and drives this engine through {@link io.jresty.core.dynacode.Dynacode}.
 */
package io.jresty.core.dynacode;
