package io.jresty.server.http;

import io.jresty.ngx.phase.Phase;
import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import io.jresty.server.lua.LuaChunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds the {@link HttpBlock} a server runs from the parsed directives of a conf. */
public final class HttpConfBuilder {
    private final Path prefix;
    private final Path confFile;
    private final LuaCode lua;
    private final SettingsDirectives settings;
    private final RewriteDirectives rewrites;
    private final LocationBuilder locations;

    public HttpConfBuilder(Path prefix, Path confFile) {
        this.prefix = prefix;
        this.confFile = confFile;
        this.lua = new LuaCode(prefix);
        this.settings = new SettingsDirectives(prefix, lua);
        this.rewrites = new RewriteDirectives(lua);
        this.locations = new LocationBuilder(settings, rewrites);
    }

    public HttpBlock build(List<ConfDirective> main) throws ConfException {
        int workers = 1;
        int connections = 512;
        String errorLogPath = null;
        String errorLogLevel = "error";
        ConfDirective http = null;
        for (ConfDirective d : main) {
            switch (d.name()) {
                case "worker_processes" -> workers = workerProcesses(d);
                case "error_log" -> {
                    errorLogPath = d.arg(0).equals("stderr") ? null : prefix.resolve(d.arg(0)).toString();
                    if (d.args().size() > 1) {
                        errorLogLevel = d.arg(1);
                    }
                }
                case "events" -> {
                    for (ConfDirective e : d.block()) {
                        if (e.name().equals("worker_connections")) {
                            connections = positive(e);
                        }
                    }
                }
                case "http" -> http = d;
                default -> { }
            }
        }
        List<ConfDirective> httpBlock = http == null ? List.of() : http.block();
        return httpLevel(httpBlock, workers, connections, errorLogPath, errorLogLevel);
    }

    private HttpBlock httpLevel(List<ConfDirective> block, int workers, int connections, String errorLogPath,
            String errorLogLevel) throws ConfException {
        String packagePath = null;
        Map<String, Long> dicts = new LinkedHashMap<>();
        LuaChunk init = null;
        LuaChunk initWorker = null;
        long keepalive = 75_000;
        Map<String, String> mime = null;
        List<String> warnings = new ArrayList<>();
        int maxPendingTimers = io.jresty.ngx.timer.TimerLimits.DEFAULTS.maxPending();
        int maxRunningTimers = io.jresty.ngx.timer.TimerLimits.DEFAULTS.maxRunning();
        for (ConfDirective d : block) {
            switch (d.name()) {
                case "lua_package_path" -> packagePath = withPrefix(d.arg(0));
                case "lua_max_pending_timers" -> maxPendingTimers = Integer.parseInt(d.arg(0));
                case "lua_max_running_timers" -> maxRunningTimers = Integer.parseInt(d.arg(0));
                case "lua_package_cpath" -> warnings.add("\"lua_package_cpath\" is ignored: the JVM loads no C "
                        + "modules " + d.where());
                case "lua_code_cache" -> {
                    if (d.arg(0).equals("off")) {
                        warnings.add("\"lua_code_cache off\" is ignored: Lua code is compiled once " + d.where());
                    }
                }
                case "lua_shared_dict" -> dicts.put(d.arg(0), sharedDictSize(d));
                case "init_by_lua", "init_by_lua_block", "init_by_lua_file" -> init = lua.chunk(d, Phase.INIT, 0);
                case "init_worker_by_lua", "init_worker_by_lua_block", "init_worker_by_lua_file" ->
                        initWorker = lua.chunk(d, Phase.INIT_WORKER, 0);
                case "keepalive_timeout" -> keepalive = Sizes.millis(d.arg(0));
                case "types" -> mime = types(d, mime);
                case "error_log" -> {
                    errorLogPath = d.arg(0).equals("stderr") ? null : prefix.resolve(d.arg(0)).toString();
                    if (d.args().size() > 1) {
                        errorLogLevel = d.arg(1);
                    }
                }
                default -> { }
            }
        }
        Settings httpSettings = settings.apply(Settings.defaults(prefix), block);
        List<ServerBlock> servers = new ArrayList<>();
        for (ConfDirective d : block) {
            if (d.name().equals("server")) {
                servers.add(server(d, httpSettings));
            }
        }
        return new HttpBlock(prefix, confFile, workers, connections, errorLogPath, errorLogLevel, packagePath,
                Map.copyOf(dicts), init, initWorker, keepalive, ClientLimits.of(block, ClientLimits.DEFAULTS),
                mime == null ? MimeTypes.BUILT_IN : Map.copyOf(mime), List.copyOf(servers), List.copyOf(warnings),
                new io.jresty.ngx.timer.TimerLimits(maxPendingTimers, maxRunningTimers),
                io.jresty.server.proxy.UpstreamDirectives.read(block, d -> lua.chunk(d, Phase.BALANCER, 0)));
    }

    private ServerBlock server(ConfDirective d, Settings inherited) throws ConfException {
        List<ListenAddress> listens = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Pattern> regexes = new ArrayList<>();
        List<RewriteStep> steps = new ArrayList<>();
        for (ConfDirective inner : d.block()) {
            switch (inner.name()) {
                case "listen" -> listens.add(listen(inner));
                case "server_name" -> {
                    for (String name : inner.args()) {
                        names.add(name);
                        if (name.startsWith("~")) {
                            regexes.add(nameRegex(inner, name.substring(1)));
                        }
                    }
                }
                default -> {
                    RewriteStep step = rewrites.step(inner);
                    if (step != null) {
                        steps.add(step);
                    }
                }
            }
        }
        if (listens.isEmpty()) {
            listens.add(new ListenAddress(null, 80, false));
        }
        Settings own = settings.apply(inherited, d.block());
        return new ServerBlock(List.copyOf(listens), List.copyOf(names), List.copyOf(regexes), own,
                List.copyOf(steps), locations.locations(d.block(), own));
    }

    private static Pattern nameRegex(ConfDirective d, String regex) throws ConfException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfException("pcre_compile() failed: " + e.getDescription() + " in \"" + regex + "\" "
                    + d.where());
        }
    }

    private static ListenAddress listen(ConfDirective d) throws ConfException {
        String address = d.arg(0);
        boolean isDefault = d.args().stream().skip(1).anyMatch(a -> a.equals("default_server") || a.equals("default"));
        String host = null;
        String port = address;
        int colon = address.lastIndexOf(':');
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            host = address.substring(1, close);
            port = close + 1 < address.length() && address.charAt(close + 1) == ':'
                    ? address.substring(close + 2) : "80";
        } else if (colon >= 0) {
            host = address.substring(0, colon);
            port = address.substring(colon + 1);
        } else if (!address.chars().allMatch(Character::isDigit)) {
            host = address;
            port = "80";
        }
        if (host != null && (host.equals("*") || host.isEmpty())) {
            host = null;
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ConfException("invalid port in \"" + address + "\" of the \"listen\" directive " + d.where());
        }
        if (p < 0 || p > 65535) {
            throw new ConfException("invalid port in \"" + address + "\" of the \"listen\" directive " + d.where());
        }
        return new ListenAddress(host, p, isDefault);
    }

    private static int workerProcesses(ConfDirective d) throws ConfException {
        if (d.arg(0).equals("auto")) {
            return Runtime.getRuntime().availableProcessors();
        }
        return positive(d);
    }

    private static int positive(ConfDirective d) throws ConfException {
        try {
            int n = Integer.parseInt(d.arg(0));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below in nginx's words
        }
        throw new ConfException("invalid value \"" + d.arg(0) + "\" in \"" + d.name() + "\" directive " + d.where());
    }

    private static long sharedDictSize(ConfDirective d) throws ConfException {
        long size = Sizes.bytes(d.arg(1));
        if (size < 0) {
            throw new ConfException("invalid lua shared dict size \"" + d.arg(1) + "\" " + d.where());
        }
        if (size < 8 * 4096) {
            throw new ConfException("invalid lua shared dict size \"" + d.arg(1) + "\" " + d.where());
        }
        return size;
    }

    /** lua-nginx-module replaces $prefix and ${prefix} in lua_package_path with the server prefix. */
    private String withPrefix(String path) {
        String p = prefix.toString();
        return path.replace("${prefix}", p).replace("$prefix", p);
    }

    private static Map<String, String> types(ConfDirective d, Map<String, String> previous) {
        Map<String, String> table = previous == null ? new HashMap<>() : new HashMap<>(previous);
        for (ConfDirective t : d.block()) {
            for (String ext : t.args()) {
                table.put(ext.toLowerCase(java.util.Locale.ROOT), t.name());
            }
        }
        return table;
    }
}
