/**
 * lua-cjson as OpenResty bundles it ("cjson", "cjson.safe"): the same JSON text, numbers,
 * options and error messages, over Lua byte strings.
 */
package io.jresty.core.cjson;
