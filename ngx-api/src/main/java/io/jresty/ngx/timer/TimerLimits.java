package io.jresty.ngx.timer;

/**
 * lua_max_pending_timers and lua_max_running_timers, per worker as in nginx.
 *
 * @param maxPending timers created and not yet expired (ngx.timer.at returns "too many pending timers")
 * @param maxRunning callbacks running at once (more are dropped with an alert)
 */
public record TimerLimits(int maxPending, int maxRunning) {
    /** lua-nginx-module's defaults. */
    public static final TimerLimits DEFAULTS = new TimerLimits(1024, 256);
}
