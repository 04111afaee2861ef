package io.jresty.core.fork;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.nio.file.Path;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/** A master and a worker state built alike, forked after an init chunk ran in the master. */
record Fork(Globals master, Globals worker, ForkStats stats) {
    static final ChunkCompiler INTERPRETER = new ChunkCompiler(new ChunkCompiler.Settings(100, false, true));

    /** Runs init in the master, then copies; compiled selects LuaJC or the interpreter. */
    static Fork after(String init, boolean compiled, Path packageDir) {
        Globals master = state(compiled, packageDir);
        Globals worker = state(compiled, packageDir);
        StateFork fork = StateFork.prepare(master, worker);
        master.load(init, "=init_by_lua").call();
        return new Fork(master, worker, fork.copy());
    }

    static Fork after(String init, boolean compiled) {
        return after(init, compiled, null);
    }

    static Globals state(boolean compiled, Path packageDir) {
        String path = packageDir == null ? null : packageDir.resolve("?.lua") + ";;";
        Globals g = LuaGlobals.create(new LuaOptions(path));
        if (!compiled) {
            INTERPRETER.install(g);
        }
        return g;
    }

    LuaValue inWorker(String code) {
        return worker.load(code, "=worker").call();
    }

    LuaValue inMaster(String code) {
        return master.load(code, "=master").call();
    }
}
