package io.jresty.core.bench;

import io.jresty.core.compile.ChunkCompiler;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/** Engines to compare: LuaJC or interpreter, with or without budget checks. */
public enum BenchStates {
    LUAJC(true, true),
    LUAJC_NO_BUDGET(true, false),
    INTERPRETER(false, true),
    INTERPRETER_NO_BUDGET(false, false);

    final ChunkCompiler.Settings settings;

    BenchStates(boolean luajc, boolean budget) {
        this.settings = new ChunkCompiler.Settings(64, luajc, budget);
    }

    /** A state without LuaJ's debug library, which would slow the interpreter down by itself. */
    Globals globals(ChunkCompiler compiler) {
        Globals g = new Globals();
        g.load(new JseBaseLib());
        g.load(new PackageLib());
        g.load(new TableLib());
        g.load(new StringLib());
        g.load(new JseMathLib());
        LoadState.install(g);
        LuaC.install(g);
        compiler.install(g);
        return g;
    }
}
