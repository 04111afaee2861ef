package io.jresty.server.conf;

import java.util.Set;

/**
 * One entry of the directive table, as a module's ngx_command_t declares it: where the
 * directive may stand, how many arguments it takes, what follows them, how its value is
 * checked, and which setting it fills (two directives filling the same setting in one
 * block are a duplicate, as content_by_lua and content_by_lua_block are).
 *
 * @param inner the context of the block's directives, for {@link BlockKind#DIRECTIVES}
 *              ({@code if} opens {@link ConfContext#SERVER_IF} or {@link ConfContext#LOCATION_IF}
 *              after its parent)
 * @param slot  the setting this directive fills once per block, or null when it may repeat
 */
public record DirectiveSpec(String name, Set<ConfContext> contexts, ArgCount args, BlockKind block,
                            ConfContext inner, ValueRule value, String slot) {
    public DirectiveSpec {
        contexts = Set.copyOf(contexts);
    }

    public boolean allowedIn(ConfContext context) {
        return contexts.contains(context);
    }

    public boolean hasBlock() {
        return block != BlockKind.NONE;
    }

    /** The context the block's directives stand in, when this directive opens it inside parent. */
    public ConfContext innerFor(ConfContext parent) {
        if (inner == ConfContext.LOCATION_IF && parent == ConfContext.SERVER) {
            return ConfContext.SERVER_IF;
        }
        return inner;
    }
}
