package io.jresty.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jresty.core.compile.ChunkCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

class StateForkTest {
    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void globalsAndTablesAreCopiesWithTheirShape(boolean compiled) {
        Fork f = Fork.after("""
                counter = 41
                config = { name = "api", limits = { 1, 2, 3 } }
                config.self = config
                local shared = { hits = 0 }
                config.a, config.b = shared, shared
                """, compiled);
        assertThat(f.inWorker("return counter + 1").toint()).isEqualTo(42);
        assertThat(f.inWorker("return config.self == config and config.a == config.b "
                + "and config.limits[3] == 3 and config.name == 'api'").toboolean()).isTrue();
        assertThat(f.worker().get("config")).isNotSameAs(f.master().get("config"));
        f.inWorker("config.a.hits = 7; config.limits[1] = 'x'; counter = 0");
        assertThat(f.inMaster("return config.b.hits .. ',' .. config.limits[1] .. ',' .. counter").tojstring())
                .isEqualTo("0,1,41");
        assertThat(f.stats().tables()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void builtInsMapToTheWorkersOwn(boolean compiled) {
        Fork f = Fork.after("""
                local fmt, g = string.format, _G
                function show(n) return fmt("%05d", n) end
                function state() return g end
                function reads() return flag end
                string.shout = function(s) return s:upper() .. "!" end
                os.exit = nil
                string_mt = getmetatable("")
                """, compiled);
        assertThat(f.inWorker("return getmetatable('') == string_mt").toboolean()).isTrue();
        assertThat(f.inWorker("return show(42)").tojstring()).isEqualTo("00042");
        assertThat(f.inWorker("return state()")).isSameAs(f.worker());
        f.inWorker("flag = 'worker'");
        f.inMaster("flag = 'master'");
        assertThat(f.inWorker("return reads()").tojstring()).isEqualTo("worker");
        // string.shout, not ('hi'):shout(): LuaJ's string metatable is one per JVM, not per state
        assertThat(f.inWorker("return string.shout('hi')").tojstring()).isEqualTo("HI!");
        assertThat(f.inWorker("return os.exit == nil and os.time ~= nil").toboolean()).isTrue();
        assertThat(f.worker().get("string").get("format")).isNotSameAs(f.master().get("string").get("format"));
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void closuresSharingAnUpvalueStillShareItInTheCopy(boolean compiled) {
        Fork f = Fork.after("""
                local n = 0
                function inc() n = n + 1; return n end
                function get() return n end
                local function fact(k) if k <= 1 then return 1 end return k * fact(k - 1) end
                factorial = fact
                inc()
                """, compiled);
        assertThat(ChunkCompiler.isCompiledFunction(f.worker().get("inc"))).isEqualTo(compiled);
        f.inWorker("inc(); inc()");
        assertThat(f.inWorker("return get()").toint()).isEqualTo(3);
        assertThat(f.inMaster("return get()").toint()).isEqualTo(1);
        assertThat(f.inWorker("return factorial(5)").toint()).isEqualTo(120);
        assertThat(f.worker().get("inc")).isNotSameAs(f.master().get("inc"));
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void metatablesAndWeakTablesAreCopied(boolean compiled) {
        Fork f = Fork.after("""
                local Point = {}
                Point.__index = Point
                function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
                function Point:len2() return self.x * self.x + self.y * self.y end
                origin = Point.new(3, 4)
                Point_class = Point
                cache = setmetatable({}, { __mode = "k" })
                proxy = setmetatable({}, { __index = function(_, k) return k .. "!" end })
                """, compiled);
        assertThat(f.inWorker("return origin:len2()").toint()).isEqualTo(25);
        assertThat(f.inWorker("return getmetatable(origin) == Point_class "
                + "and getmetatable(Point_class.new(1, 1)) == Point_class").toboolean()).isTrue();
        assertThat(f.inWorker("return getmetatable(cache).__mode").tojstring()).isEqualTo("k");
        assertThat(f.inWorker("return proxy.hey").tojstring()).isEqualTo("hey!");
        f.inWorker("function Point_class:len2() return -1 end");
        assertThat(f.inMaster("return origin:len2()").toint()).isEqualTo(25);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void modulesRequiredAtInitAreCopiedNotReloaded(boolean compiled, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("counter.lua");
        Files.writeString(file, """
                local M = {}
                local count = 0
                function M.bump() count = count + 1; return count end
                return M
                """);
        Fork f = Fork.after("local c = require 'counter'; c.bump(); json = require 'cjson'", compiled, dir);
        // a reload would find no file, or start again from 0
        Files.delete(file);
        assertThat(f.inWorker("return require('counter').bump()").toint()).isEqualTo(2);
        assertThat(f.inWorker("return require('counter') == package.loaded.counter").toboolean()).isTrue();
        assertThat(f.inMaster("return require('counter').bump()").toint()).isEqualTo(2);
        assertThat(f.inWorker("return json.encode({ 1, 2 })").tojstring()).isEqualTo("[1,2]");
        assertThat(f.inWorker("return require('cjson') == json").toboolean()).isTrue();
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void setfenvEnvironmentsAreCopied(boolean compiled) {
        Fork f = Fork.after("""
                local env = { x = 5 }
                function boxed() return x end
                setfenv(boxed, env)
                boxed_env = env
                """, compiled);
        assertThat(f.inWorker("return boxed()").toint()).isEqualTo(5);
        assertThat(f.inWorker("return getfenv(boxed) == boxed_env").toboolean()).isTrue();
        f.inWorker("boxed_env.x = 6");
        assertThat(f.inMaster("return boxed()").toint()).isEqualTo(5);
        assertThat(f.inWorker("return boxed()").toint()).isEqualTo(6);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void aLongChainCopiesWithoutDeepRecursion(boolean compiled) {
        Fork f = Fork.after("""
                local head
                for i = 1, 200000 do head = { next = head, v = i } end
                list = head
                """, compiled);
        assertThat(f.inWorker("local n, node = 0, list; while node do n = n + 1; node = node.next end; return n")
                .toint()).isEqualTo(200000);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void aSuspendedCoroutineCannotBeCopied(boolean compiled) {
        Globals2 g = new Globals2(compiled);
        g.master.load("co = coroutine.create(function() coroutine.yield(1) end); coroutine.resume(co)").call();
        assertThatThrownBy(g.fork::copy).isInstanceOf(LuaError.class).hasMessageContaining("suspended coroutine");
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void coroutinesNotStartedOrDeadAreCopied(boolean compiled) {
        Fork f = Fork.after("""
                local n = 0
                counter = coroutine.wrap(function() while true do n = n + 1; coroutine.yield(n) end end)
                fresh = coroutine.create(function(a) return a * 2 end)
                done = coroutine.create(function() end)
                coroutine.resume(done)
                """, compiled);
        assertThat(f.inWorker("return counter() + counter()").toint()).isEqualTo(3);
        assertThat(f.inMaster("return counter()").toint()).isEqualTo(1);
        assertThat(f.inWorker("local ok, v = coroutine.resume(fresh, 21); return v").toint()).isEqualTo(42);
        assertThat(f.inWorker("return coroutine.status(done)").tojstring()).isEqualTo("dead");
        assertThat(f.worker().get("fresh")).isNotSameAs(f.master().get("fresh"));
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void aForkableValueChoosesItsCopy(boolean compiled) {
        Globals2 g = new Globals2(compiled);
        Counter counter = new Counter(10);
        g.master.set("counter", counter);
        g.master.load("holder = { c = counter, again = counter }").call();
        g.fork.copy();
        LuaTable holder = (LuaTable) g.worker.get("holder");
        assertThat(holder.get("c")).isInstanceOf(Counter.class).isNotSameAs(counter);
        assertThat(holder.get("c")).isSameAs(holder.get("again")).isSameAs(g.worker.get("counter"));
        assertThat(((Counter) holder.get("c")).start).isEqualTo(11);
    }

    /** Two fresh states and a fork prepared between them, for tests that need the steps apart. */
    private static final class Globals2 {
        final Globals master;
        final Globals worker;
        final StateFork fork;

        Globals2(boolean compiled) {
            this.master = Fork.state(compiled, null);
            this.worker = Fork.state(compiled, null);
            this.fork = StateFork.prepare(master, worker);
        }
    }

    /** A Java value whose copy is its own business: here, one more than the original. */
    private static final class Counter extends org.luaj.vm2.LuaUserdata implements Forkable {
        final int start;

        Counter(int start) {
            super(start);
            this.start = start;
        }

        @Override
        public LuaValue forkInto(ForkCopy copy) {
            return new Counter(start + 1);
        }
    }
}
