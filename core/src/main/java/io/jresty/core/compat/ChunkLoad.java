package io.jresty.core.compat;

import java.io.IOException;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;

/**
 * loadstring and load(string) naming chunks as LuaJIT does: the source itself becomes
 * {@code [string "first line..."]}, "=name" and "@file" lose their prefix; so errors read
 * {@code [string "x = "]:1: ...} as in OpenResty's logs.
 */
final class ChunkLoad {
    /** LuaJIT's LUA_IDSIZE (60) less the room for [string "..."] */
    private static final int SOURCE_CHARS = 45;

    private ChunkLoad() {}

    static void install(Globals g) {
        LuaValue load = g.get("load");
        g.set("loadstring", new Builtin("loadstring", args -> {
            if (args.arg1().isfunction()) {
                // LuaJIT's loadstring is load: a reader function works too
                return g.get("load").invoke(args);
            }
            if (args.arg1().type() != LuaValue.TSTRING && args.arg1().type() != LuaValue.TNUMBER) {
                throw Builtin.badArgument(1, "loadstring", "function expected, got " + Builtin.typeName(args, 1));
            }
            LuaString source = Builtin.string(args, 1, "loadstring");
            LuaValue name = args.isnoneornil(2) ? source : Builtin.string(args, 2, "loadstring");
            return load(load, LuaValue.varargsOf(new LuaValue[] {source, name, LuaValue.NIL, FenvFunctions.threadEnv(g)}));
        }));
        g.set("load", new Builtin("load", args -> {
            // Lua 5.1's load gives the chunk the thread's environment; 5.2's mode and env (which
            // our sandbox passes) still work
            LuaValue env = args.isnoneornil(4) ? FenvFunctions.threadEnv(g) : args.arg(4);
            if (args.arg1().type() != LuaValue.TSTRING) {
                return load.invoke(LuaValue.varargsOf(new LuaValue[] {args.arg1(), args.arg(2), args.arg(3), env}));
            }
            LuaValue name = args.isnoneornil(2) ? args.arg1() : Builtin.string(args, 2, "load");
            return load(load, LuaValue.varargsOf(new LuaValue[] {args.arg1(), name, args.arg(3), env}));
        }));
    }

    /** Calls LuaJ's load with the display name, then renames the prototypes so runtime errors carry it too. */
    private static Varargs load(LuaValue load, Varargs args) {
        LuaString chunk = args.arg1().strvalue();
        boolean binary = chunk.m_length > 0 && chunk.m_bytes[chunk.m_offset] == 27;
        String shown = displayName(binary ? dumpedSource(chunk, args.arg(2).tojstring()) : args.arg(2).tojstring());
        // LuaJ shows a "=name" chunk as name in syntax errors
        Varargs r = load.invoke(LuaValue.varargsOf(args.arg1(), LuaValue.valueOf("=" + shown), args.subargs(3)));
        if (binary) {
            // a binary chunk (string.dump) keeps the source name it was dumped with, as in
            // LuaJIT, and gets its upvalues as LuaJIT sets them
            if (r.arg1().isfunction()) {
                FunctionEnv.loaded(r.arg1(), args.arg(4));
            }
            return r;
        }
        if (r.arg1() instanceof LuaClosure c) {
            rename(c.p, LuaString.valueOf(shown));
        }
        return r;
    }

    /** The source name a binary chunk was dumped with (compiled code takes its positions from the name load gets). */
    private static String dumpedSource(LuaString chunk, String fallback) {
        try {
            Prototype p = LoadState.undump(new java.io.ByteArrayInputStream(chunk.m_bytes, chunk.m_offset, chunk.m_length), fallback);
            return p != null && p.source != null ? p.source.tojstring() : fallback;
        } catch (IOException | RuntimeException e) {
            // LuaJ's load reports a malformed chunk itself
            return fallback;
        }
    }

    private static void rename(Prototype p, LuaString source) {
        p.source = source;
        for (Prototype inner : p.p) {
            rename(inner, source);
        }
    }

    /** LuaJIT's short source: "=name" → name, "@file" → file, anything else → [string "first line..."]. */
    static String displayName(String chunkname) {
        if (chunkname.startsWith("=") || chunkname.startsWith("@")) {
            return chunkname.substring(1);
        }
        int newline = chunkname.indexOf('\n');
        String line = newline >= 0 ? chunkname.substring(0, newline) : chunkname;
        boolean cut = newline >= 0 || line.length() > SOURCE_CHARS;
        if (line.length() > SOURCE_CHARS) {
            line = line.substring(0, SOURCE_CHARS);
        }
        return "[string \"" + line + (cut ? "...\"]" : "\"]");
    }
}
