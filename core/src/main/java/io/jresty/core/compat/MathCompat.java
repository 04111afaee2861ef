package io.jresty.core.compat;

import java.util.Random;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** math.random as LuaJIT computes its range (random(1, 0) is 1, no "interval is empty"), math.fmod as C, math.mod, math.log10. */
final class MathCompat {
    private MathCompat() {}

    static void install(LuaValue math) {
        // one generator per Lua state, as each LuaJIT VM has its own; only this worker's thread uses it
        Random random = new Random();
        math.set("random", new Builtin("random", args -> random(random, args)));
        math.set("randomseed", new Builtin("randomseed", args -> {
            random.setSeed(Double.doubleToLongBits(Builtin.number(args, 1, "randomseed")));
            return LuaValue.NONE;
        }));
        // C's fmod: Java's % on doubles (LuaJ's formula loses -0 and precision on large values)
        LuaValue fmod = new Builtin("fmod", args -> LuaValue.valueOf(
                Builtin.number(args, 1, "fmod") % Builtin.number(args, 2, "fmod")));
        math.set("fmod", fmod);
        math.set("mod", fmod);
        math.set("log10", new Builtin("log10", args -> LuaValue.valueOf(Math.log10(Builtin.number(args, 1, "log10")))));
    }

    /** LuaJIT: floor(r * m) + 1 for random(m), floor(r * (n - m + 1)) + m for random(m, n); no range check. */
    private static Varargs random(Random random, Varargs args) {
        double r = random.nextDouble();
        if (args.narg() == 0) {
            return LuaValue.valueOf(r);
        }
        double m = Builtin.number(args, 1, "random");
        if (args.narg() == 1) {
            return LuaValue.valueOf(Math.floor(r * m) + 1);
        }
        double n = Builtin.number(args, 2, "random");
        return LuaValue.valueOf(Math.floor(r * (n - m + 1)) + m);
    }
}
