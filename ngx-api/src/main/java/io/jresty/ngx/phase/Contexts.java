package io.jresty.ngx.phase;

import java.util.EnumSet;
import java.util.Set;

/** Sets of phases where an ngx function may run, as lua-nginx-module's check_context calls name them. */
public final class Contexts {
    private Contexts() {}

    public static final Set<Phase> ANY = EnumSet.allOf(Phase.class);
    /** rewrite, access, content: where output and control flow are allowed. */
    public static final Set<Phase> REWRITE_ACCESS_CONTENT = EnumSet.of(Phase.REWRITE, Phase.ACCESS, Phase.CONTENT);
    /** Every phase that has a request. */
    public static final Set<Phase> REQUEST = EnumSet.of(Phase.SET, Phase.REWRITE, Phase.ACCESS, Phase.CONTENT,
            Phase.HEADER_FILTER, Phase.BODY_FILTER, Phase.LOG, Phase.BALANCER);
    /** Where cosockets, sleep and other yielding calls work. */
    public static final Set<Phase> YIELDABLE = EnumSet.of(Phase.REWRITE, Phase.ACCESS, Phase.CONTENT, Phase.TIMER);

    public static Set<Phase> of(Phase first, Phase... rest) {
        return EnumSet.of(first, rest);
    }
}
