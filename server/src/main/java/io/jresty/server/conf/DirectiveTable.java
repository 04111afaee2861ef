package io.jresty.server.conf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every directive jresty knows, by name. A name may have several entries (a {@code server}
 * block in http, a {@code server} line in upstream), as several nginx modules may declare
 * one name; the first entry allowed in the current context wins.
 */
public final class DirectiveTable {
    private static final Map<String, List<DirectiveSpec>> BY_NAME = index();

    private DirectiveTable() {
    }

    /** The entries named so, in declaration order; empty for an unknown directive. */
    public static List<DirectiveSpec> lookup(String name) {
        return BY_NAME.getOrDefault(name, List.of());
    }

    public static Collection<List<DirectiveSpec>> all() {
        return BY_NAME.values();
    }

    private static Map<String, List<DirectiveSpec>> index() {
        Map<String, List<DirectiveSpec>> map = new LinkedHashMap<>();
        List<DirectiveSpec> specs = new ArrayList<>(NginxDirectives.specs());
        specs.addAll(LuaDirectives.specs());
        for (DirectiveSpec spec : specs) {
            map.computeIfAbsent(spec.name(), k -> new ArrayList<>()).add(spec);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(map);
    }
}
