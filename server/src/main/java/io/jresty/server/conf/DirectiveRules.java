package io.jresty.server.conf;

import java.util.List;
import java.util.Set;

/**
 * What each directive's nginx handler checks once the argument count is right: that the
 * setting is not filled twice in one block, that the value reads, and a few directives'
 * own rules. Messages are the handlers' words.
 */
final class DirectiveRules {
    /** The phase handlers that refuse empty Lua code (at NGX_LOG_ERR, so "[error]"). */
    private static final Set<String> PHASE_SLOTS = Set.of("rewrite_by_lua", "access_by_lua", "content_by_lua",
        "header_filter_by_lua", "body_filter_by_lua", "log_by_lua");
    private static final Set<String> EVENT_METHODS = Set.of("epoll", "poll", "select");

    private DirectiveRules() {
    }

    /** Checks a directive the moment it is read, before its block (as nginx's handler runs then). */
    static void check(DirectiveSpec spec, List<String> args, Scope scope, String where) throws ConfException {
        String name = spec.name();
        if (spec.block() != BlockKind.LUA) {
            checkDuplicate(spec, scope, where);
        }
        checkValue(spec, args, where);
        switch (name) {
            case "worker_connections" -> {
                if (!ConfValues.isNumber(args.get(0))) {
                    throw new ConfException("invalid number \"" + args.get(0) + "\" " + where);
                }
            }
            case "use" -> {
                if (!EVENT_METHODS.contains(args.get(0))) {
                    throw new ConfException("invalid event type \"" + args.get(0) + "\" " + where);
                }
            }
            case "server_tokens" -> requireOneOf(args.get(0), Set.of("on", "off", "build"), where);
            case "proxy_http_version" -> requireOneOf(args.get(0), Set.of("1.0", "1.1"), where);
            case "keepalive" -> {
                if (!ConfValues.isNumber(args.get(0)) || Long.parseLong(args.get(0)) == 0) {
                    throw new ConfException("invalid value \"" + args.get(0) + "\" in \"keepalive\" directive "
                        + where);
                }
            }
            case "lua_shared_dict" -> checkSharedDict(args, scope.http(), where);
            case "log_format" -> {
                List<String> formats = scope.http().logFormats;
                if (formats.contains(args.get(0))) {
                    throw new ConfException("duplicate \"log_format\" name \"" + args.get(0) + "\" " + where);
                }
                formats.add(args.get(0));
            }
            default -> {
            }
        }
        if (spec.slot() != null && spec.block() != BlockKind.LUA && !isPhase(spec)) {
            scope.filled.put(spec.slot(), name);
        }
    }

    /** Whether the directive's code must be checked with {@link #checkLua} after its source is known. */
    static boolean takesLua(DirectiveSpec spec) {
        return spec.block() == BlockKind.LUA || isPhase(spec);
    }

    /**
     * Checks a Lua directive once its code is known: lua-nginx-module reads a block's body
     * first and asks its handler after, so a duplicate block is reported at its closing line.
     */
    static void checkLua(DirectiveSpec spec, String code, Scope scope, String where) throws ConfException {
        if (spec.block() == BlockKind.LUA) {
            checkDuplicate(spec, scope, where);
        }
        if (isPhase(spec)) {
            if (code.isEmpty()) {
                throw new ConfException("invalid location config: no runnable Lua code " + where, "error");
            }
            scope.filled.put(spec.slot(), spec.name());
        } else if (spec.slot() != null) {
            scope.filled.put(spec.slot(), spec.name());
        }
    }

    private static boolean isPhase(DirectiveSpec spec) {
        return spec.slot() != null && PHASE_SLOTS.contains(spec.slot());
    }

    private static void checkDuplicate(DirectiveSpec spec, Scope scope, String where) throws ConfException {
        String earlier = spec.slot() == null ? null : scope.filled.get(spec.slot());
        if (earlier == null) {
            return;
        }
        if (spec.slot().equals("root") && !earlier.equals(spec.name())) {
            throw new ConfException("\"" + spec.name() + "\" directive is duplicate, \"" + earlier
                + "\" directive was specified earlier " + where);
        }
        if (spec.block() == BlockKind.LUA) {
            // lua-nginx-module logs its handler's bare answer for the block forms
            throw new ConfException("is duplicate " + where);
        }
        throw new ConfException("\"" + spec.name() + "\" directive is duplicate " + where);
    }

    private static void checkValue(DirectiveSpec spec, List<String> args, String where) throws ConfException {
        String value = args.isEmpty() ? "" : args.get(0);
        String name = spec.name();
        switch (spec.value()) {
            case FLAG -> {
                if (!ConfValues.isFlag(value)) {
                    throw new ConfException("invalid value \"" + value + "\" in \"" + name
                        + "\" directive, it must be \"on\" or \"off\" " + where);
                }
            }
            case SIZE -> require(ConfValues.isSize(value), name, "invalid value", where);
            case OFFSET -> require(ConfValues.isOffset(value), name, "invalid value", where);
            case TIME -> require(ConfValues.isTime(value, false), name, "invalid value", where);
            case TIMEOUT_PAIR -> require(ConfValues.isTime(value, false)
                && (args.size() < 2 || ConfValues.isTime(args.get(1), true)), name, "invalid value", where);
            case BUFS -> require(ConfValues.isBufs(value, args.get(1)), name, "invalid value", where);
            case NUMBER -> require(ConfValues.isNumber(value), name, "invalid number", where);
            case WORKERS -> require(value.equals("auto") || ConfValues.isNumber(value), name, "invalid value", where);
            case ANY -> {
            }
        }
    }

    private static void checkSharedDict(List<String> args, Scope http, String where) throws ConfException {
        String name = args.get(0);
        if (name.isEmpty()) {
            throw new ConfException("invalid lua shared dict name \"" + name + "\" " + where);
        }
        long size = ConfValues.size(args.get(1));
        if (size <= 8191) {
            throw new ConfException("invalid lua shared dict size \"" + args.get(1) + "\" " + where);
        }
        Long declared = http.sharedDicts.get(name);
        if (declared != null && declared != size) {
            throw new ConfException("the size " + size + " of shared memory zone \"" + name
                + "\" conflicts with already declared size " + declared + " " + where);
        }
        if (declared != null) {
            throw new ConfException("lua_shared_dict \"" + name + "\" is already defined as \"" + name + "\" "
                + where);
        }
        http.sharedDicts.put(name, size);
    }

    private static void require(boolean ok, String name, String problem, String where) throws ConfException {
        if (!ok) {
            throw new ConfException("\"" + name + "\" directive " + problem + " " + where);
        }
    }

    private static void requireOneOf(String value, Set<String> allowed, String where) throws ConfException {
        if (!allowed.contains(value)) {
            throw new ConfException("invalid value \"" + value + "\" " + where);
        }
    }
}
