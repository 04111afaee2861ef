package io.jresty.server.conf;

import static io.jresty.server.conf.ConfContext.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A small builder for the directive tables, so each table reads one line per directive. */
final class Specs {
    static final Set<ConfContext> MAIN_ONLY = EnumSet.of(MAIN);
    static final Set<ConfContext> EVENTS_ONLY = EnumSet.of(EVENTS);
    static final Set<ConfContext> HTTP_ONLY = EnumSet.of(HTTP);
    static final Set<ConfContext> SRV = EnumSet.of(SERVER);
    static final Set<ConfContext> LOC = EnumSet.of(LOCATION);
    static final Set<ConfContext> UPS = EnumSet.of(UPSTREAM);
    static final Set<ConfContext> HTTP_SRV = EnumSet.of(HTTP, SERVER);
    static final Set<ConfContext> SRV_LOC = EnumSet.of(SERVER, LOCATION);
    static final Set<ConfContext> HTTP_SRV_LOC = EnumSet.of(HTTP, SERVER, LOCATION);
    static final Set<ConfContext> HTTP_SRV_LOC_LIF = EnumSet.of(HTTP, SERVER, LOCATION, LOCATION_IF);
    static final Set<ConfContext> LOC_LIF = EnumSet.of(LOCATION, LOCATION_IF);
    static final Set<ConfContext> SRV_LOC_IFS = EnumSet.of(SERVER, LOCATION, SERVER_IF, LOCATION_IF);
    static final Set<ConfContext> MAIN_HTTP_SRV_LOC = EnumSet.of(MAIN, HTTP, SERVER, LOCATION);
    static final Set<ConfContext> EVERYWHERE = EnumSet.allOf(ConfContext.class);

    private final List<DirectiveSpec> list = new ArrayList<>();

    List<DirectiveSpec> list() {
        return list;
    }

    /** A simple directive that may repeat. */
    Specs repeat(String name, ArgCount args, Set<ConfContext> contexts) {
        return add(name, contexts, args, BlockKind.NONE, null, ValueRule.ANY, null);
    }

    /** A simple directive that fills its own setting once per block. */
    Specs once(String name, ArgCount args, ValueRule value, Set<ConfContext> contexts) {
        return add(name, contexts, args, BlockKind.NONE, null, value, name);
    }

    /** An on/off directive (NGX_CONF_FLAG with ngx_conf_set_flag_slot), once per block. */
    Specs flag(String name, Set<ConfContext> contexts) {
        return once(name, ArgCount.FLAG, ValueRule.FLAG, contexts);
    }

    /** A simple directive that fills a setting shared with other directives. */
    Specs slot(String name, ArgCount args, String slot, Set<ConfContext> contexts) {
        return add(name, contexts, args, BlockKind.NONE, null, ValueRule.ANY, slot);
    }

    Specs block(String name, ArgCount args, ConfContext inner, String slot, Set<ConfContext> contexts) {
        return add(name, contexts, args, BlockKind.DIRECTIVES, inner, ValueRule.ANY, slot);
    }

    Specs entries(String name, ArgCount args, Set<ConfContext> contexts) {
        return add(name, contexts, args, BlockKind.ENTRIES, null, ValueRule.ANY, null);
    }

    Specs lua(String name, ArgCount args, String slot, Set<ConfContext> contexts) {
        return add(name, contexts, args, BlockKind.LUA, null, ValueRule.ANY, slot);
    }

    private Specs add(String name, Set<ConfContext> contexts, ArgCount args, BlockKind block,
                      ConfContext inner, ValueRule value, String slot) {
        list.add(new DirectiveSpec(name, contexts, args, block, inner, value, slot));
        return this;
    }
}
