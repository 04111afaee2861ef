package io.jresty.server.http;

import io.jresty.server.lua.LuaChunk;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the conf says, ready to serve: the main-context settings, the lua_* settings
 * and the servers. Built once by {@code HttpConfBuilder}; immutable.
 *
 * @param sharedDicts lua_shared_dict name → size in bytes
 * @param errorLog    error_log path (null = stderr) and level word
 * @param upstreams   upstream blocks by name
 * @param warnings    what the conf asks that jresty accepts but does not do, in nginx's [warn] form
 * @param timers      lua_max_pending_timers and lua_max_running_timers
 * @param client      client_header_timeout, client_body_timeout, send_timeout, large_client_header_buffers
 */
public record HttpBlock(
        Path prefix,
        Path confFile,
        int workerProcesses,
        int workerConnections,
        String errorLogPath,
        String errorLogLevel,
        String packagePath,
        Map<String, Long> sharedDicts,
        LuaChunk initByLua,
        LuaChunk initWorkerByLua,
        long keepaliveTimeoutMillis,
        ClientLimits client,
        Map<String, String> mimeTypes,
        List<ServerBlock> servers,
        List<String> warnings,
        io.jresty.ngx.timer.TimerLimits timers,
        Map<String, io.jresty.server.proxy.UpstreamBlock> upstreams) {
}
