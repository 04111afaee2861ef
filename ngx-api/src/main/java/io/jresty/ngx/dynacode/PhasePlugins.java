package io.jresty.ngx.dynacode;

import io.jresty.core.dynacode.HostSelection;
import io.jresty.core.dynacode.Plugin;
import io.jresty.core.dynacode.PluginSnapshot;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.request.NgxRequest;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * Runs the plugins of the current phase for the request's host, as dynacode's runner: in
 * document order, each as pcall(fn), a failure logged and the next plugin run. ngx.exit is not
 * an error here: it ends the phase, as in OpenResty.
 */
final class PhasePlugins {
    /** The key of the snapshot a request is pinned to, from its first phase to its last. */
    private static final Object SNAPSHOT = new Object();
    private static final Object NONE_LOADED = new Object();

    private final WorkerController controller;

    PhasePlugins(WorkerController controller) {
        this.controller = controller;
    }

    void run(NgxContext ctx) {
        NgxRequest r = ctx.request();
        Object pinned = r.attributes().computeIfAbsent(SNAPSHOT, k -> {
            PluginSnapshot s = controller.service().engine() == null ? null : controller.service().engine().current();
            return s == null ? NONE_LOADED : s;
        });
        if (pinned == NONE_LOADED) {
            controller.log("the plugins are not loaded yet");
            controller.emit("rt_plugins_not_loaded");
            return;
        }
        PluginSnapshot snapshot = (PluginSnapshot) pinned;
        if (!snapshot.enabled()) {
            controller.log("the plugins are disabled");
            controller.emit("rt_plugins_disabled");
            return;
        }
        String host = r.variable("host");
        HostSelection selection = snapshot.select(host == null ? "" : host);
        if (selection.skipped()) {
            controller.log("the domain=" + selection.skippedBy() + " was skipped to host=" + host);
            return;
        }
        String phase = ctx.phase().luaName();
        List<String> failures = new ArrayList<>();
        for (Plugin plugin : selection.plugins(phase)) {
            runOne(ctx, plugin, failures);
        }
        for (String failure : failures) {
            controller.log("[warn] some plugins failed while executing err=" + failure);
        }
    }

    private void runOne(NgxContext ctx, Plugin plugin, List<String> failures) {
        LuaValue table = controller.pluginTable(plugin);
        controller.emit("rt_plugins_starting", table);
        long start = System.nanoTime();
        boolean failed = false;
        try {
            controller.bind(ctx.worker(), plugin).call();
        } catch (LuaError e) {
            failed = true;
            String err = e.getMessage();
            failures.add("the execution of " + plugin.name() + " failed due to " + err + " (domain="
                    + plugin.domain() + ", phase=" + plugin.phase() + ")");
            controller.emit("rt_plugins_error", table, LuaValue.valueOf(err == null ? "nil" : err));
            return;
        } finally {
            plugin.stats().record(System.nanoTime() - start, failed);
        }
        controller.emit("rt_plugins_done", table);
    }
}
