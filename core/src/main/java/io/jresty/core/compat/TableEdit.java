package io.jresty.core.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * table.insert and table.remove with Lua 5.1 / LuaJIT bounds: insert accepts any position
 * (growing the table up to it) and exactly 2 or 3 arguments; remove outside 1..#t removes
 * nothing and returns nothing (LuaJ's 5.2 remove(t, 0) takes the last element instead).
 */
final class TableEdit {
    private TableEdit() {}

    static Varargs insert(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "insert");
        long end = t.rawlen() + 1L;
        long pos;
        switch (args.narg()) {
            case 2 -> pos = end;
            case 3 -> {
                pos = (long) Builtin.number(args, 2, "insert");
                if (pos > end) {
                    end = pos;
                }
                for (long i = end; i > pos; i--) {
                    t.rawset((int) i, t.rawget((int) (i - 1)));
                }
            }
            default -> throw new LuaError("wrong number of arguments to 'insert'");
        }
        t.rawset((int) pos, args.arg(args.narg()));
        return LuaValue.NONE;
    }

    static Varargs remove(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "remove");
        int end = t.rawlen();
        long pos = args.isnoneornil(2) ? end : (long) Builtin.number(args, 2, "remove");
        if (pos < 1 || pos > end) {
            return LuaValue.NONE;
        }
        LuaValue removed = t.rawget((int) pos);
        for (int i = (int) pos; i < end; i++) {
            t.rawset(i, t.rawget(i + 1));
        }
        t.rawset(end, LuaValue.NIL);
        return removed;
    }
}
