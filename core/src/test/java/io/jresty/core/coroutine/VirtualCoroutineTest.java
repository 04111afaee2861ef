package io.jresty.core.coroutine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import io.jresty.core.worker.LuaWorker;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Coroutines on virtual threads: no platform thread each, the worker lock follows the turn, scopes end them. */
class VirtualCoroutineTest {
    private final Globals g = LuaGlobals.create(LuaOptions.defaults());

    @Test
    void suspendedCoroutinesCostNoPlatformThread() {
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        LuaValue made = g.load("""
                local list = {}
                for i = 1, 2000 do
                    local co = coroutine.create(function() coroutine.yield(i) end)
                    coroutine.resume(co)
                    list[i] = co
                end
                return list, coroutine.status(list[1])
                """).invoke(LuaValue.NONE).arg(2);
        int after = ManagementFactory.getThreadMXBean().getThreadCount();
        assertThat(made.tojstring()).isEqualTo("suspended");
        // LuaJ's coroutines would have added 2000 platform threads here
        assertThat(after - before).isLessThan(50);
    }

    @Test
    void closingTheScopeEndsSuspendedCoroutines() throws Exception {
        VirtualCoroutine co;
        try (CoroutineScope scope = CoroutineScope.open()) {
            Varargs r = g.load("""
                    local co = coroutine.create(function() coroutine.yield(1) error("never resumed") end)
                    return co, coroutine.resume(co)
                    """).invoke(LuaValue.NONE);
            co = (VirtualCoroutine) r.arg1();
            assertThat(r.arg(2).toboolean()).isTrue();
            assertThat(co.getStatus()).isEqualTo("suspended");
        }
        assertThat(co.getStatus()).isEqualTo("dead");
        Thread t = threadOf(co);
        assertThat(t.join(Duration.ofSeconds(5))).as("the coroutine's virtual thread ended").isTrue();
    }

    @Test
    void theWorkerLockFollowsTheTurn() throws Exception {
        LuaWorker worker = new LuaWorker(0, g);
        List<String> seen = new ArrayList<>();
        g.set("held", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                seen.add(args.arg1().tojstring() + "=" + worker.heldByCurrentThread());
                return LuaValue.NONE;
            }
        });
        worker.call(() -> g.load("""
                held("main")
                local co = coroutine.create(function()
                    held("coroutine")
                    coroutine.yield()
                    held("coroutine again")
                end)
                coroutine.resume(co)
                held("main after yield")
                coroutine.resume(co)
                held("main at end")
                """).call());
        assertThat(seen).containsExactly("main=true", "coroutine=true", "main after yield=true",
                "coroutine again=true", "main at end=true");
        assertThat(worker.heldByCurrentThread()).isFalse();
    }

    @Test
    void releaseWhileInsideACoroutineLetsAnotherThreadTakeTheWorker() throws Exception {
        LuaWorker worker = new LuaWorker(0, g);
        List<String> order = new ArrayList<>();
        g.set("wait_outside", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                try {
                    worker.releaseWhile(() -> {
                        Thread other = Thread.ofVirtual().start(() -> worker.run(() -> order.add("other ran")));
                        other.join();
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                order.add("coroutine back");
                return LuaValue.NONE;
            }
        });
        worker.call(() -> g.load("""
                local f = coroutine.wrap(function() wait_outside() end)
                f()
                """).call());
        assertThat(order).containsExactly("other ran", "coroutine back");
    }

    private static Thread threadOf(VirtualCoroutine co) throws Exception {
        var field = VirtualCoroutine.class.getDeclaredField("thread");
        field.setAccessible(true);
        return (Thread) field.get(co);
    }
}
