package io.jresty.ngx.thread;

/**
 * Unwinds a light thread that ngx.thread.kill (or the end of its request) ended. An Error, so
 * Lua's pcall cannot catch it: in OpenResty a killed coroutine simply never resumes.
 */
public final class ThreadKilled extends Error {
    public ThreadKilled() {
        super("light thread killed", null, false, false);
    }
}
