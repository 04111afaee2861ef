package io.jresty.core.compat;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** table.concat with LuaJIT's number formatting and its error for values that are neither strings nor numbers. */
final class TableConcat {
    private TableConcat() {}

    static Varargs concat(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "concat");
        LuaString sep = args.isnoneornil(2) ? LuaString.valueOf("") : args.checkstring(2);
        long i = args.isnoneornil(3) ? 1 : (long) Builtin.number(args, 3, "concat");
        long j = args.isnoneornil(4) ? t.length() : (long) Builtin.number(args, 4, "concat");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long k = i; k <= j; k++) {
            LuaValue v = t.get(LuaValue.valueOf(k));
            if (v.type() != LuaValue.TSTRING && v.type() != LuaValue.TNUMBER) {
                throw new LuaError("invalid value (" + v.typename() + ") at index " + k + " in table for 'concat'");
            }
            LuaString s = LuaToString.of(v);
            out.write(s.m_bytes, s.m_offset, s.m_length);
            if (k < j) {
                out.write(sep.m_bytes, sep.m_offset, sep.m_length);
            }
        }
        return LuaString.valueOf(out.toByteArray());
    }
}
