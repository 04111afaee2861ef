package io.jresty.core.compat;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
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
        for (int i = 1; i <= args.narg(); i++) {
            if (i > 1) {
                line.write('\t');
            }
            LuaString s = LuaToString.of(args.arg(i));
            line.write(s.m_bytes, s.m_offset, s.m_length);
        }
        line.write('\n');
        globals.STDOUT.write(line.toByteArray(), 0, line.size());
        globals.STDOUT.flush();
        return NONE;
    }
}
