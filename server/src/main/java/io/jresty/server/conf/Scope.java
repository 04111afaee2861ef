package io.jresty.server.conf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One block being parsed: its context, the directives read so far, and the settings they
 * filled. nginx gives every block its own conf structures, so "is duplicate" is a question
 * asked per block. Lives on the parsing thread only.
 */
final class Scope {
    final ConfContext context;
    final Scope parent;
    /** The location this block belongs to, for nested-location checks; null outside locations. */
    final Location location;
    /** For the body of types { } or map { } (context null): the directive that owns the entries. */
    final String entriesOf;
    final List<ConfDirective> directives = new ArrayList<>();
    /** Setting name → the directive that filled it. */
    final Map<String, String> filled = new HashMap<>();
    /** lua_shared_dict name → size in bytes; used in the http block only. */
    final Map<String, Long> sharedDicts = new LinkedHashMap<>();
    /** log_format names; nginx predeclares "combined". */
    final List<String> logFormats = new ArrayList<>(List.of("combined"));

    Scope(ConfContext context, Scope parent, Location location) {
        this(context, parent, location, null);
    }

    private Scope(ConfContext context, Scope parent, Location location, String entriesOf) {
        this.context = context;
        this.parent = parent;
        this.location = location;
        this.entriesOf = entriesOf;
    }

    static Scope entries(String owner, Scope parent) {
        return new Scope(null, parent, null, owner);
    }

    /** The enclosing http block, where http-wide names (shared dicts, log formats) live. */
    Scope http() {
        Scope s = this;
        while (s != null && s.context != ConfContext.HTTP) {
            s = s.parent;
        }
        return s != null ? s : this;
    }
}
