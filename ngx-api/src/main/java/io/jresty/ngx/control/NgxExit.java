package io.jresty.ngx.control;

/**
 * Ends the current handler the way lua-nginx-module ends its coroutine: ngx.exit, ngx.exec
 * and ngx.redirect. An Error, not an exception, so Lua's pcall cannot catch it (in OpenResty
 * these are yields, not errors).
 */
public final class NgxExit extends Error {
    /** What ended the handler. */
    public enum Kind { EXIT, EXEC }

    private final Kind kind;
    private final int status;
    private final String uri;
    private final String args;

    private NgxExit(Kind kind, int status, String uri, String args) {
        super(null, null, false, false);
        this.kind = kind;
        this.status = status;
        this.uri = uri;
        this.args = args;
    }

    public static NgxExit exit(int status) {
        return new NgxExit(Kind.EXIT, status, null, null);
    }

    public static NgxExit exec(String uri, String args) {
        return new NgxExit(Kind.EXEC, 0, uri, args);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return uri;
    }

    public String args() {
        return args;
    }
}
