package io.jresty.ngx.dynacode;

import io.jresty.core.dynacode.HostSelection;
import io.jresty.core.dynacode.Plugin;
import io.jresty.core.dynacode.PluginSnapshot;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.request.NgxRequest;
import java.util.ArrayList;
import java.util.List;
import io.jresty.core.budget.Budget;
import io.jresty.core.budget.LuaTimeout;
import io.jresty.core.sandbox.PluginLimits;
import io.jresty.ngx.control.NgxExit;
import io.jresty.ngx.phase.Phase;
import java.time.Duration;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
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
            if (controller.service().quarantine().isQuarantined(snapshot.hash(), plugin.key())) {
                continue;
            }
            runOne(ctx, snapshot, plugin, failures);
        }
        for (String failure : failures) {
            controller.log("[warn] some plugins failed while executing err=" + failure);
        }
    }

    private void runOne(NgxContext ctx, PluginSnapshot snapshot, Plugin plugin, List<String> failures) {
        LuaValue table = controller.pluginTable(plugin);
        controller.emit("rt_plugins_starting", table);
        long start = System.nanoTime();
        String err = null;
        try {
            LuaFunction fn = controller.bind(ctx.worker(), plugin);
            // always budgeted, even with no limits: a heap OutOfMemoryError then ends this plugin only
            Budget.run(budget(plugin), allocBytes(plugin), "plugin " + plugin.name(), () -> PluginLimits.run(fn::call));
        } catch (LuaError e) {
            err = e.getMessage() == null ? "nil" : e.getMessage();
        } catch (LuaTimeout e) {
            err = e.getMessage() + " (" + plugin.phase() + " phase)";
        } catch (RuntimeException e) {
            err = e.toString();
        } catch (Exception e) {
            err = e.toString();
        } finally {
            plugin.stats().record(System.nanoTime() - start, err != null);
        }
        if (err == null) {
            controller.emit("rt_plugins_done", table);
            return;
        }
        failures.add("the execution of " + plugin.name() + " failed due to " + err + " (domain="
                + plugin.domain() + ", phase=" + plugin.phase() + ")");
        controller.emit("rt_plugins_error", table, LuaValue.valueOf(err));
        SafetySettings safety = controller.service().safety();
        if (safety != null && controller.service().quarantine().fail(snapshot.hash(), plugin.key(),
                safety.quarantineAfter(), safety.quarantineWindow(), System.nanoTime())) {
            controller.log("[warn] the plugin " + plugin.name() + " (domain=" + plugin.domain() + ", phase="
                    + plugin.phase() + ") failed " + safety.quarantineAfter() + " times within "
                    + safety.quarantineWindow().toSeconds() + "s and is quarantined until the document changes");
            controller.emit("rt_plugins_quarantined", table);
        }
        if (plugin.policy().failClosed() && CLOSABLE.contains(ctx.phase())) {
            for (String failure : failures) {
                controller.log("[warn] some plugins failed while executing err=" + failure);
            }
            throw NgxExit.exit(plugin.policy().failStatus());
        }
    }

    private Duration budget(Plugin plugin) {
        if (plugin.policy().budgetMs() > 0) {
            return Duration.ofMillis(plugin.policy().budgetMs());
        }
        SafetySettings safety = controller.service().safety();
        return safety == null ? Duration.ZERO : safety.budget();
    }

    private long allocBytes(Plugin plugin) {
        long mb = plugin.policy().allocMb();
        if (mb == 0) {
            SafetySettings safety = controller.service().safety();
            mb = safety == null ? 0 : safety.allocMb();
        }
        return mb * 1024 * 1024;
    }

    /** Phases where a closed failure can still choose the response status. */
    private static final java.util.Set<Phase> CLOSABLE = java.util.EnumSet.of(Phase.REWRITE, Phase.ACCESS, Phase.CONTENT);
}
