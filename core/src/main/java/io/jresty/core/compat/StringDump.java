package io.jresty.core.compat;

import io.jresty.core.compile.CompiledFunctions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.DumpState;

/**
 * string.dump(f [, strip]) for interpreted and compiled Lua functions alike (LuaJ's cast a
 * compiled one to LuaClosure and failed); a Java function is "unable to dump given function",
 * as a C function in LuaJIT. The bytes are LuaJ's binary chunk, which load reads back.
 */
final class StringDump {
    private StringDump() {}

    static Varargs dump(Varargs args) {
        LuaValue f = Builtin.function(args, 1, "dump");
        Prototype p = f instanceof LuaClosure c ? c.p : CompiledFunctions.prototype(f.getClass());
        if (p == null) {
            throw new LuaError("unable to dump given function");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DumpState.dump(p, out, args.arg(2).toboolean());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LuaString.valueOf(out.toByteArray());
    }
}
