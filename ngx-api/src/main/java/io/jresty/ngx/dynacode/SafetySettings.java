package io.jresty.ngx.dynacode;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * jresty's additions to setup{...}: the sandbox, the default plugin budgets and quarantine.
 *
 * @param sandbox          plugins run in their own environments (false: dynacode's shared _G)
 * @param requireAllowed   modules a sandboxed plugin may require
 * @param budget           a plugin call's default time budget (a plugin's budget_ms overrides it)
 * @param quarantineAfter  failures within the window that disable a plugin on this node (0: never)
 * @param quarantineWindow the window those failures are counted in
 * @param allocMb          a plugin call's default allocation limit in MB, 0 for none (a plugin's
 *                         alloc_mb overrides it)
 */
record SafetySettings(boolean sandbox, Set<String> requireAllowed, Duration budget, int quarantineAfter,
        Duration quarantineWindow, long allocMb) {
    /** Generous for a request's work (a JSON body decoded, a response built), small next to a heap. */
    static final long DEFAULT_ALLOC_MB = 128;

    static SafetySettings read(Map<String, Object> opts) {
        boolean sandbox = !Boolean.FALSE.equals(opts.get("sandbox"));
        Set<String> allowed = new LinkedHashSet<>(Set.of("cjson", "cjson.safe"));
        if (opts.get("sandbox_require") instanceof Map<?, ?> list) {
            list.values().forEach(v -> allowed.add(String.valueOf(v)));
        }
        long budgetMs = number(opts, "plugin_budget_ms", 100);
        int after = (int) number(opts, "quarantine_after", 5);
        long window = number(opts, "quarantine_window", 60);
        long allocMb = number(opts, "plugin_alloc_mb", DEFAULT_ALLOC_MB);
        return new SafetySettings(sandbox, Set.copyOf(allowed), Duration.ofMillis(budgetMs), after,
                Duration.ofSeconds(window), allocMb);
    }

    private static long number(Map<String, Object> opts, String name, long fallback) {
        Object v = opts.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Double d) || d < 0) {
            throw new IllegalArgumentException("the property " + name + " must be a non-negative number");
        }
        return d.longValue();
    }
}
