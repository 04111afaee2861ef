package io.jresty.core.lua;

import io.jresty.core.cjson.CJsonModule;
import io.jresty.core.compat.LuaCompat;
import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.module.LuaModules;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseIoLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.jse.JseOsLib;

/** Builds the Lua state of one worker: LuaJ's libraries, then the LuaJIT/5.1 dialect on top. */
public final class LuaGlobals {
    private LuaGlobals() {}

    public static Globals create(LuaOptions options) {
        Globals g = new Globals();
        g.load(new JseBaseLib());
        g.load(new PackageLib());
        g.load(new TableLib());
        g.load(new StringLib());
        StringMetatable.install(g);
        g.load(new CoroutineLib());
        g.load(new JseMathLib());
        g.load(new JseIoLib());
        g.load(new JseOsLib());
        LoadState.install(g);
        LuaC.install(g);
        ChunkCompiler.shared().install(g);
        // require and package.loaders first: compat's module() wraps the searchers it finds there
        LuaModules.install(g, options.packagePath(), options.prefix());
        LuaCompat.install(g);
        CJsonModule.preload(g);
        return g;
    }
}
