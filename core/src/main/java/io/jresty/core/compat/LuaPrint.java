package io.jresty.core.compat;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * print as LuaJIT: tostring of each argument, tabs between, the bytes written as they are
 * (LuaJ's print decodes strings as UTF-8 and so mangles binary data).
 */
final class LuaPrint extends VarArgFunction {
    private final Globals globals;

    LuaPrint(Globals globals) {
        this.globals = globals;
        this.name = "print";
    }

    @Override
    public Varargs invoke(Varargs args) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        // as LuaJIT, print goes through the global tostring, so a replaced tostring is honoured
        LuaValue tostring = globals.get("tostring");
        boolean builtin = tostring instanceof LuaToString;
        for (int i = 1; i <= args.narg(); i++) {
            if (i > 1) {
                line.write('\t');
            }
            LuaString s = builtin ? LuaToString.of(args.arg(i)) : converted(tostring, args.arg(i));
            line.write(s.m_bytes, s.m_offset, s.m_length);
        }
        line.write('\n');
        globals.STDOUT.write(line.toByteArray(), 0, line.size());
        globals.STDOUT.flush();
        return NONE;
    }

    private static LuaString converted(LuaValue tostring, LuaValue v) {
        LuaValue s = tostring.call(v);
        if (s.type() != TSTRING && s.type() != TNUMBER) {
            throw new LuaError("'tostring' must return a string to 'print'");
        }
        return LuaToString.of(s);
    }
}
