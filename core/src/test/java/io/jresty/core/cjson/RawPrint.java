package io.jresty.core.cjson;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** print() that writes the bytes of each tostring() result, as C Lua does, so tests see bytes. */
final class RawPrint extends VarArgFunction {
    private final Globals g;
    private final ByteArrayOutputStream out;

    RawPrint(Globals g, ByteArrayOutputStream out) {
        this.g = g;
        this.out = out;
    }

    @Override
    public Varargs invoke(Varargs args) {
        for (int i = 1; i <= args.narg(); i++) {
            if (i > 1) {
                out.write('\t');
            }
            LuaString s = g.get("tostring").call(args.arg(i)).checkstring();
            out.write(s.m_bytes, s.m_offset, s.m_length);
        }
        out.write('\n');
        return NONE;
    }
}
