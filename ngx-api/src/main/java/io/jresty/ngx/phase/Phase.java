package io.jresty.ngx.phase;

/** nginx's phases as lua-nginx-module names them (ngx.get_phase) and in its error messages. */
public enum Phase {
    INIT("init", "init_by_lua*"),
    INIT_WORKER("init_worker", "init_worker_by_lua*"),
    SET("set", "set_by_lua*"),
    REWRITE("rewrite", "rewrite_by_lua*"),
    ACCESS("access", "access_by_lua*"),
    CONTENT("content", "content_by_lua*"),
    HEADER_FILTER("header_filter", "header_filter_by_lua*"),
    BODY_FILTER("body_filter", "body_filter_by_lua*"),
    LOG("log", "log_by_lua*"),
    TIMER("timer", "ngx.timer"),
    BALANCER("balancer", "balancer_by_lua*");

    private final String luaName;
    private final String contextName;

    Phase(String luaName, String contextName) {
        this.luaName = luaName;
        this.contextName = contextName;
    }

    /** The name ngx.get_phase() returns. */
    public String luaName() {
        return luaName;
    }

    /** The name in "API disabled in the context of ..." errors. */
    public String contextName() {
        return contextName;
    }

    /** The directive prefix, e.g. "content_by_lua" for chunk names. */
    public String directive() {
        return luaName + "_by_lua";
    }

    public boolean hasRequest() {
        return this != INIT && this != INIT_WORKER && this != TIMER;
    }
}
