package io.jresty.server.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings nginx inherits from http to server to location (an inner level overrides an
 * outer one). Immutable: each level makes its own copy with {@code with*}.
 *
 * @param root        root, resolved against the prefix
 * @param alias       alias of the location, or null
 * @param index       index files
 * @param defaultType default_type
 * @param addHeaders  add_header of the nearest level that has any
 * @param errorPages  error_page code → uri of the nearest level that has any
 * @param maxBodySize client_max_body_size in bytes (0 = no limit)
 * @param lua         *_by_lua handlers, merged per phase
 * @param luaBudgetMs lua_budget: the time one handler may run, in ms (0: no budget)
 * @param request     settings the request-facing ngx API obeys
 * @param proxy       proxy_* settings
 * @param luaAllocLimit lua_alloc_limit: the bytes one handler may allocate in Lua terms (0: no limit)
 */
public record Settings(
        Path root,
        Path alias,
        List<String> index,
        String defaultType,
        List<AddHeader> addHeaders,
        Map<Integer, ErrorPage> errorPages,
        long maxBodySize,
        LuaHandlers lua,
        long luaBudgetMs,
        RequestConf request,
        io.jresty.server.proxy.ProxyConf proxy,
        long luaAllocLimit) {

    /** add_header name value [always]; */
    public record AddHeader(String name, Template value, boolean always) {}

    /** error_page code ... [=response] uri; */
    public record ErrorPage(String uri, Integer overrideStatus) {}

    public static Settings defaults(Path prefix) {
        return new Settings(prefix.resolve("html"), null, List.of("index.html"), "text/plain",
                List.of(), Map.of(), 1024 * 1024, LuaHandlers.none(), 0, RequestConf.DEFAULT,
                io.jresty.server.proxy.ProxyConf.defaults(), 0);
    }

    public Settings withRoot(Path root) {
        return new Settings(root, null, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withAlias(Path alias) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withIndex(List<String> index) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withDefaultType(String defaultType) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withAddHeaders(List<AddHeader> addHeaders) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withErrorPages(Map<Integer, ErrorPage> errorPages) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withMaxBodySize(long maxBodySize) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withLua(LuaHandlers lua) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withLuaBudget(long luaBudgetMs) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withLuaAllocLimit(long luaAllocLimit) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withRequest(RequestConf request) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    public Settings withProxy(io.jresty.server.proxy.ProxyConf proxy) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, luaBudgetMs, request,
                proxy, luaAllocLimit);
    }

    /** An inner level starts from its parent's settings, without the parent's alias. */
    public Settings inherited() {
        return alias == null ? this : withRoot(root);
    }
}
