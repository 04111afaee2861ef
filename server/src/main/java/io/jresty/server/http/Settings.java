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
 * @param proxy       proxy_* settings
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
        io.jresty.server.proxy.ProxyConf proxy) {

    /** add_header name value [always]; */
    public record AddHeader(String name, Template value, boolean always) {}

    /** error_page code ... [=response] uri; */
    public record ErrorPage(String uri, Integer overrideStatus) {}

    public static Settings defaults(Path prefix) {
        return new Settings(prefix.resolve("html"), null, List.of("index.html"), "text/plain",
                List.of(), Map.of(), 1024 * 1024, LuaHandlers.none(),
                io.jresty.server.proxy.ProxyConf.defaults());
    }

    public Settings withRoot(Path root) {
        return new Settings(root, null, index, defaultType, addHeaders, errorPages, maxBodySize, lua, proxy);
    }

    public Settings withAlias(Path alias) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, proxy);
    }

    public Settings withIndex(List<String> index) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, proxy);
    }

    public Settings withDefaultType(String type) {
        return new Settings(root, alias, index, type, addHeaders, errorPages, maxBodySize, lua, proxy);
    }

    public Settings withAddHeaders(List<AddHeader> headers) {
        return new Settings(root, alias, index, defaultType, headers, errorPages, maxBodySize, lua, proxy);
    }

    public Settings withErrorPages(Map<Integer, ErrorPage> pages) {
        return new Settings(root, alias, index, defaultType, addHeaders, pages, maxBodySize, lua, proxy);
    }

    public Settings withMaxBodySize(long size) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, size, lua, proxy);
    }

    public Settings withLua(LuaHandlers handlers) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, handlers, proxy);
    }

    public Settings withProxy(io.jresty.server.proxy.ProxyConf proxy) {
        return new Settings(root, alias, index, defaultType, addHeaders, errorPages, maxBodySize, lua, proxy);
    }

    /** An inner level starts from its parent's settings, without the parent's alias. */
    public Settings inherited() {
        return alias == null ? this : withRoot(root);
    }
}
