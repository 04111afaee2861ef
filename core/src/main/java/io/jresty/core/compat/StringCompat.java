package io.jresty.core.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** string.rep with a separator (LuaJIT 2.1), string.dump of compiled functions too, and upper/lower on ASCII bytes only, as C's toupper in the "C" locale. */
final class StringCompat {
    /** Larger results are refused, as LuaJIT refuses strings past its size limit. */
    private static final long MAX_LENGTH = Integer.MAX_VALUE - 16;

    private StringCompat() {}

    static void install(LuaValue string) {
        string.set("rep", new Builtin("rep", StringCompat::rep));
        string.set("dump", new Builtin("dump", StringDump::dump));
        string.set("upper", new Builtin("upper", args -> mapAscii(Builtin.string(args, 1, "upper"), 'a', 'z', 'A' - 'a')));
        string.set("lower", new Builtin("lower", args -> mapAscii(Builtin.string(args, 1, "lower"), 'A', 'Z', 'a' - 'A')));
    }

    private static Varargs rep(Varargs args) {
        LuaString s = Builtin.string(args, 1, "rep");
        long n = (long) Builtin.number(args, 2, "rep");
        LuaString sep = args.isnoneornil(3) ? LuaString.valueOf("") : Builtin.string(args, 3, "rep");
        if (n <= 0) {
            return LuaString.valueOf("");
        }
        long total = n * s.m_length + (n - 1) * sep.m_length;
        if (total > MAX_LENGTH || total < 0) {
            throw new LuaError("resulting string too large");
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (long i = 0; i < n; i++) {
            if (i > 0) {
                System.arraycopy(sep.m_bytes, sep.m_offset, out, at, sep.m_length);
                at += sep.m_length;
            }
            System.arraycopy(s.m_bytes, s.m_offset, out, at, s.m_length);
            at += s.m_length;
        }
        return LuaString.valueOf(out);
    }

    private static Varargs mapAscii(LuaString s, char from, char to, int delta) {
        byte[] out = new byte[s.m_length];
        for (int i = 0; i < out.length; i++) {
            byte b = s.m_bytes[s.m_offset + i];
            out[i] = b >= from && b <= to ? (byte) (b + delta) : b;
        }
        return LuaString.valueOf(out);
    }
}
