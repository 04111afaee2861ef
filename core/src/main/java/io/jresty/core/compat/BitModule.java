package io.jresty.core.compat;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** LuaJIT's BitOp module "bit": every result is a signed 32-bit number. */
final class BitModule {
    /** 2^52 + 2^51: adding it leaves the number rounded to an integer in the low 32 bits, as LuaJIT's lj_num2bit. */
    private static final double MAGIC = 6755399441055744.0;

    private BitModule() {}

    static LuaTable create() {
        LuaTable bit = new LuaTable();
        fold(bit, "band", (a, b) -> a & b);
        fold(bit, "bor", (a, b) -> a | b);
        fold(bit, "bxor", (a, b) -> a ^ b);
        bit.set("tobit", new Builtin("tobit", args -> result(arg(args, 1, "tobit"))));
        bit.set("bnot", new Builtin("bnot", args -> result(~arg(args, 1, "bnot"))));
        bit.set("bswap", new Builtin("bswap", args -> result(Integer.reverseBytes(arg(args, 1, "bswap")))));
        shift(bit, "lshift", (x, n) -> x << n);
        shift(bit, "rshift", (x, n) -> x >>> n);
        shift(bit, "arshift", (x, n) -> x >> n);
        shift(bit, "rol", Integer::rotateLeft);
        shift(bit, "ror", Integer::rotateRight);
        bit.set("tohex", new Builtin("tohex", BitModule::tohex));
        return bit;
    }

    static int tobit(double d) {
        return (int) Double.doubleToRawLongBits(d + MAGIC);
    }

    private static int arg(Varargs args, int n, String function) {
        return tobit(Builtin.number(args, n, function));
    }

    private static LuaValue result(int v) {
        return LuaValue.valueOf(v);
    }

    private interface IntOp {
        int apply(int a, int b);
    }

    private static void fold(LuaTable bit, String name, IntOp op) {
        bit.set(name, new Builtin(name, args -> {
            int acc = arg(args, 1, name);
            for (int i = 2; i <= args.narg(); i++) {
                acc = op.apply(acc, arg(args, i, name));
            }
            return result(acc);
        }));
    }

    private static void shift(LuaTable bit, String name, IntOp op) {
        bit.set(name, new Builtin(name, args -> result(op.apply(arg(args, 1, name), arg(args, 2, name) & 31))));
    }

    /** tohex(x [, n]): n hex digits of the 32-bit value, upper case when n is negative. */
    private static Varargs tohex(Varargs args) {
        int x = arg(args, 1, "tohex");
        int n = args.isnoneornil(2) ? 8 : arg(args, 2, "tohex");
        boolean upper = n < 0;
        n = Math.abs(n);
        String hex = String.format(upper ? "%08X" : "%08x", x);
        String s = n <= 8 ? hex.substring(8 - n) : "0".repeat(n - 8) + hex;
        return LuaString.valueOf(s);
    }
}
