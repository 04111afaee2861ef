package io.jresty.core.compat;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * table.move(a1, f, e, t [, a2]) as LuaJIT 2.1 has it (LuaJ 3.0 lacks it): copies a1[f..e] to
 * a2[t..], raw (no metamethods, as LuaJIT), from the top down when the ranges overlap upwards.
 */
final class TableMove {
    private TableMove() {}

    static Varargs move(Varargs given) {
        // LuaJIT's move is Lua code: a missing argument is a nil parameter ("got nil")
        Varargs args = LuaValue.varargsOf(new LuaValue[] {given.arg(1), given.arg(2), given.arg(3), given.arg(4)},
                given.subargs(5));
        LuaValue a1 = Builtin.table(args, 1, "move");
        long f = (long) Builtin.number(args, 2, "move");
        long e = (long) Builtin.number(args, 3, "move");
        long t = (long) Builtin.number(args, 4, "move");
        LuaValue a2 = args.isnoneornil(5) ? a1 : Builtin.table(args, 5, "move");
        if (e >= f) {
            long d = t - f;
            if (t > e || t <= f || a1 != a2) {
                for (long i = f; i <= e; i++) {
                    a2.rawset((int) (i + d), a1.rawget((int) i));
                }
            } else {
                for (long i = e; i >= f; i--) {
                    a2.rawset((int) (i + d), a1.rawget((int) i));
                }
            }
        }
        return a2;
    }
}
