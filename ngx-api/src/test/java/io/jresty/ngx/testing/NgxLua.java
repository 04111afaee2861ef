package io.jresty.ngx.testing;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import io.jresty.ngx.NgxApi;
import io.jresty.ngx.shdict.SharedDicts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * One worker's Lua state with the ngx table, for tests. Snippets print with {@code say(...)}
 * (arguments concatenated, like ngx.say) and {@code show(...)} (strings as %q, joined by " , "),
 * both formatting numbers as LuaJIT's %.14g, so the same snippet prints the same text here
 * and on nginx + lua-nginx-module; {@code advance(seconds)} moves the clock (nginx sleeps).
 */
public final class NgxLua {
    private final TestEnvironment env;
    private final Globals globals;
    private final StringBuilder out = new StringBuilder();

    public NgxLua(TestEnvironment env) {
        this.env = env;
        this.globals = LuaGlobals.create(LuaOptions.defaults());
        NgxApi.install(globals, env);
        globals.set("say", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                for (int i = 1; i <= args.narg(); i++) {
                    out.append(text(args.arg(i), false));
                }
                out.append('\n');
                return NONE;
            }
        });
        defineAdvance();
        globals.set("show", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                for (int i = 1; i <= args.narg(); i++) {
                    out.append(i > 1 ? " , " : "").append(text(args.arg(i), true));
                }
                out.append('\n');
                return NONE;
            }
        });
    }

    /** Lets a snippet move the test clock: advance(seconds); on nginx the same name sleeps. */
    private void defineAdvance() {
        globals.set("advance", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                env.clock().advanceSeconds(args.checkdouble(1));
                return NONE;
            }
        });
    }

    /** A fixed clock at 2010-11-18 11:27:35.123 UTC and no shared dicts. */
    public static NgxLua create() {
        return new NgxLua(new TestEnvironment(TestClock.fixed(), SharedDicts.none()));
    }

    public static NgxLua withDicts(SharedDicts dicts, TestClock clock) {
        return new NgxLua(new TestEnvironment(clock, dicts));
    }

    public TestClock clock() {
        return env.clock();
    }

    public TestEnvironment env() {
        return env;
    }

    public Globals globals() {
        return globals;
    }

    /** Runs a chunk named "snippet"; returns what it printed, with "ERROR: msg" if it raised. */
    public String run(String lua) {
        out.setLength(0);
        try {
            globals.load(lua, "snippet").call();
        } catch (LuaError e) {
            out.append("ERROR: ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** Runs a chunk and returns its values (errors propagate). */
    public Varargs eval(String lua) {
        return globals.load(lua, "snippet").invoke();
    }

    static String text(LuaValue v, boolean quoteStrings) {
        if (v.type() == LuaValue.TNUMBER) {
            return number(v.todouble());
        }
        if (v.type() == LuaValue.TSTRING) {
            LuaString s = v.checkstring();
            return quoteStrings ? quoted(s) : new String(s.m_bytes, s.m_offset, s.m_length, StandardCharsets.UTF_8);
        }
        return v.tojstring();
    }

    /** LuaJIT's %q: backslash before quote, backslash and newline; other control bytes as \ddd. */
    static String quoted(LuaString s) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write('"');
        for (int i = 0; i < s.m_length; i++) {
            int c = s.m_bytes[s.m_offset + i] & 0xff;
            if (c == '"' || c == '\\' || c == '\n') {
                b.write('\\');
                b.write(c);
            } else if (c < 32 || c == 127) {
                boolean digitNext = i + 1 < s.m_length && Character.isDigit(s.m_bytes[s.m_offset + i + 1]);
                b.writeBytes(("\\" + (digitNext ? String.format("%03d", c) : Integer.toString(c)))
                        .getBytes(StandardCharsets.US_ASCII));
            } else {
                b.write(c);
            }
        }
        b.write('"');
        return b.toString(StandardCharsets.UTF_8);
    }

    /** C's %.14g, as LuaJIT prints numbers. */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e14) {
            return d == 0 && 1 / d < 0 ? "-0" : Long.toString((long) d);
        }
        BigDecimal r = new BigDecimal(d).round(new MathContext(14, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= 14) {
            BigDecimal mant = r.movePointLeft(exp).stripTrailingZeros();
            String m = mant.toPlainString();
            return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return r.stripTrailingZeros().toPlainString();
    }
}
