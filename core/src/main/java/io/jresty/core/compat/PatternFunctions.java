package io.jresty.core.compat;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** string.find, match, gmatch and gsub on {@link LuaPattern}, with Lua 5.1 / LuaJIT semantics. */
final class PatternFunctions {
    private static final String SPECIALS = "^$*+?.([%-";

    private PatternFunctions() {}

    static void install(LuaValue string) {
        string.set("find", new Builtin("find", args -> find(args, true)));
        string.set("match", new Builtin("match", args -> find(args, false)));
        string.set("gmatch", new Builtin("gmatch", PatternFunctions::gmatch));
        string.set("gsub", new Builtin("gsub", PatternFunctions::gsub));
    }

    private static Varargs find(Varargs args, boolean find) {
        LuaString subject = args.checkstring(1);
        LuaString pattern = args.checkstring(2);
        int len = subject.m_length;
        long init = args.isnoneornil(3) ? 1 : (long) Builtin.number(args, 3, find ? "find" : "match");
        if (init < 0) {
            init = Math.max(len + init + 1, 1);
        } else if (init == 0) {
            init = 1;
        } else if (init > len + 1) {
            init = len + 1;
        }
        int start = (int) init - 1;
        if (find && (args.arg(4).toboolean() || !hasSpecials(pattern))) {
            int at = indexOf(subject, pattern, start);
            return at < 0 ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(at + pattern.m_length));
        }
        LuaPattern m = new LuaPattern(subject, pattern);
        boolean anchor = m.anchored();
        int pi = anchor ? 1 : 0;
        int si = start;
        do {
            int e = m.matchAt(si, pi);
            if (e != -1) {
                if (!find) {
                    return LuaValue.varargsOf(m.captures(si, e, true));
                }
                return LuaValue.varargsOf(LuaValue.valueOf(si + 1), LuaValue.valueOf(e),
                        LuaValue.varargsOf(m.captures(si, e, false)));
            }
        } while (si++ < m.sEnd && !anchor);
        return LuaValue.NIL;
    }

    private static Varargs gmatch(Varargs args) {
        LuaPattern m = new LuaPattern(args.checkstring(1), args.checkstring(2));
        int[] next = {0};
        return new Builtin("gmatch_iterator", ignored -> {
            for (int si = next[0]; si <= m.sEnd; si++) {
                int e = m.matchAt(si, 0);
                if (e != -1) {
                    // an empty match moves on by one, or it would be found again forever
                    next[0] = e == si ? e + 1 : e;
                    return LuaValue.varargsOf(m.captures(si, e, true));
                }
            }
            next[0] = m.sEnd + 1;
            return LuaValue.NIL;
        });
    }

    private static Varargs gsub(Varargs args) {
        LuaString subject = args.checkstring(1);
        LuaPattern m = new LuaPattern(subject, args.checkstring(2));
        LuaValue repl = args.arg(3);
        int type = repl.type();
        if (type != LuaValue.TSTRING && type != LuaValue.TNUMBER && type != LuaValue.TFUNCTION && type != LuaValue.TTABLE) {
            throw Builtin.badArgument(3, "gsub", "string/function/table expected");
        }
        long max = args.isnoneornil(4) ? Long.MAX_VALUE : (long) Builtin.number(args, 4, "gsub");
        boolean anchor = m.anchored();
        int pi = anchor ? 1 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(subject.m_length);
        int si = 0;
        long n = 0;
        while (n < max) {
            int e = m.matchAt(si, pi);
            if (e != -1) {
                n++;
                replace(m, si, e, repl, out);
            }
            if (e != -1 && e > si) {
                si = e;
            } else if (si < m.sEnd) {
                out.write(m.s[si++]);
            } else {
                break;
            }
            if (anchor) {
                break;
            }
        }
        out.write(m.s, si, m.sEnd - si);
        return LuaValue.varargsOf(LuaString.valueOf(out.toByteArray()), LuaValue.valueOf(n));
    }

    private static void replace(LuaPattern m, int start, int end, LuaValue repl, ByteArrayOutputStream out) {
        LuaValue value;
        switch (repl.type()) {
            case LuaValue.TFUNCTION -> value = repl.invoke(LuaValue.varargsOf(m.captures(start, end, true))).arg1();
            case LuaValue.TTABLE -> value = repl.get(m.capture(0, start, end));
            default -> {
                expand(m, start, end, repl.strvalue(), out);
                return;
            }
        }
        if (!value.toboolean()) {
            out.write(m.s, start, end - start);
        } else if (value.type() == LuaValue.TSTRING || value.type() == LuaValue.TNUMBER) {
            LuaString s = LuaToString.of(value);
            out.write(s.m_bytes, s.m_offset, s.m_length);
        } else {
            throw new LuaError("invalid replacement value (a " + value.typename() + ")");
        }
    }

    /** A replacement string: %0 the match, %1-%9 captures, % before anything else that character. */
    private static void expand(LuaPattern m, int start, int end, LuaString repl, ByteArrayOutputStream out) {
        byte[] r = LuaPattern.bytes(repl);
        for (int i = 0; i < r.length; i++) {
            if (r[i] != '%') {
                out.write(r[i]);
                continue;
            }
            i++;
            // a '%' at the very end copies the C string's terminating NUL, as LuaJIT does
            byte c = i < r.length ? r[i] : 0;
            if (c < '0' || c > '9') {
                out.write(c);
            } else if (c == '0') {
                out.write(m.s, start, end - start);
            } else {
                LuaString s = LuaToString.of(m.capture(c - '1', start, end));
                out.write(s.m_bytes, s.m_offset, s.m_length);
            }
        }
    }

    private static boolean hasSpecials(LuaString pattern) {
        for (int i = 0; i < pattern.m_length; i++) {
            if (SPECIALS.indexOf(pattern.m_bytes[pattern.m_offset + i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(LuaString s, LuaString needle, int from) {
        int n = needle.m_length;
        outer:
        for (int i = from; i + n <= s.m_length; i++) {
            for (int j = 0; j < n; j++) {
                if (s.m_bytes[s.m_offset + i + j] != needle.m_bytes[needle.m_offset + j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
