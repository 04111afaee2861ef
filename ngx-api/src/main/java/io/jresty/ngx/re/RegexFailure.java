package io.jresty.ngx.re;

/**
 * A search that gave up, with the error pcre_exec would have returned: -8 when it took more
 * steps than its budget (PCRE's match limit), -21 when java.util.regex ran out of stack
 * (where nginx's worker would crash: PCRE recursing on the C stack).
 */
final class RegexFailure extends RuntimeException {
    private RegexFailure(String message) {
        super(message, null, false, false);
    }

    static RegexFailure matchLimit() {
        return new RegexFailure("pcre_exec() failed: -8");
    }

    static RegexFailure recursionLimit() {
        return new RegexFailure("pcre_exec() failed: -21");
    }
}
