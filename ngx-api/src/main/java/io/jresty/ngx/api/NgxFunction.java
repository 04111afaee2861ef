package io.jresty.ngx.api;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.phase.Phase;
import java.util.Set;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * An ngx function with the phases it may run in, declared once next to its body: the
 * phase check, its error text and the phase-matrix test all come from this declaration.
 */
public final class NgxFunction extends VarArgFunction {
    private final String qualifiedName;
    private final Set<Phase> contexts;
    private final boolean needsRequest;
    private final Body body;

    /** The implementation; ctx is the checked current context. */
    @FunctionalInterface
    public interface Body {
        Varargs call(NgxContext ctx, Varargs args);
    }

    public NgxFunction(String qualifiedName, Set<Phase> contexts, boolean needsRequest, Body body) {
        this.qualifiedName = qualifiedName;
        this.name = qualifiedName;
        this.contexts = contexts;
        this.needsRequest = needsRequest;
        this.body = body;
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    /** The name a call site gives it: "say" for ngx.say, "send" for tcp:send. */
    private String shortName() {
        return qualifiedName.substring(Math.max(qualifiedName.lastIndexOf('.'), qualifiedName.lastIndexOf(':')) + 1);
    }

    public Set<Phase> contexts() {
        return contexts;
    }

    @Override
    public Varargs invoke(Varargs args) {
        NgxContext ctx = NgxContext.current();
        if (ctx == null) {
            if (needsRequest) {
                throw new ApiError("no request found");
            }
            try {
                return body.call(null, args);
            } catch (ApiError e) {
                throw CallSite.named(e, shortName());
            }
        }
        if (needsRequest && ctx.request() == null) {
            throw new ApiError("no request found");
        }
        if (!contexts.contains(ctx.phase())) {
            throw new ApiError("API disabled in the context of " + ctx.phase().contextName());
        }
        try {
            return body.call(ctx, args);
        } catch (ApiError e) {
            throw CallSite.named(e, shortName());
        }
    }
}
