package io.jresty.core.compat;

import io.jresty.core.compile.CompiledFunctions;
import java.util.List;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * debug.getinfo and debug.traceback in LuaJIT's words, from the frames {@link LuaStack} reads.
 * Only Lua functions count as levels (level 0 is getinfo itself): LuaJ leaves no trace of the
 * Java functions between them, so a pcall between two Lua functions is no level of its own.
 */
final class DebugInfo {
    /** Lua 5.1's traceback shows levels up to 11 and the last 10 of a stack deeper than 22. */
    private static final int FIRST = 12;
    private static final int LAST = 10;

    private DebugInfo() {}

    /** The prototype of a Lua function, interpreted or compiled; null for a Java function. */
    static Prototype prototype(LuaValue f) {
        if (f instanceof LuaClosure closure) {
            return closure.p;
        }
        return f == null ? null : CompiledFunctions.prototype(f.getClass());
    }

    /** getinfo's table for a function at a level (frame) or a function value (frame null). */
    static LuaTable info(LuaValue function, Prototype p, LuaStack.Frame frame, String what) {
        LuaTable t = new LuaTable();
        if (what.indexOf('S') >= 0) {
            String source = p == null ? "=[C]" : p.source.tojstring();
            t.set("source", source);
            t.set("short_src", ChunkLoad.displayName(source));
            t.set("what", p == null ? "C" : p.linedefined == 0 ? "main" : "Lua");
            t.set("linedefined", p == null ? -1 : p.linedefined);
            t.set("lastlinedefined", p == null ? -1 : p.linedefined == 0 ? lastLine(p) : p.lastlinedefined);
        }
        if (what.indexOf('l') >= 0) {
            t.set("currentline", frame == null || frame.line() <= 0 ? -1 : frame.line());
        }
        if (what.indexOf('u') >= 0) {
            t.set("nups", p == null ? 0 : DebugUpvalues.indexes(p).size());
        }
        if (what.indexOf('n') >= 0) {
            t.set("name", frame == null || frame.name() == null ? LuaValue.NIL : LuaValue.valueOf(frame.name()));
            t.set("namewhat", frame == null ? "" : frame.namewhat());
        }
        if (what.indexOf('L') >= 0 && p != null && p.lineinfo != null) {
            LuaTable lines = new LuaTable();
            // all but the last instruction: the return the compiler adds at "end", which LuaJIT does not list
            for (int pc = 0; pc < p.lineinfo.length - 1; pc++) {
                lines.set(p.lineinfo[pc], LuaValue.TRUE);
            }
            t.set("activelines", lines);
        }
        if (what.indexOf('f') >= 0 && function != null) {
            t.set("func", function);
        }
        return t;
    }

    /** A main chunk's last line, which LuaJ does not record: the highest line of its code. */
    private static int lastLine(Prototype p) {
        int last = 0;
        for (int line : p.lineinfo == null ? new int[0] : p.lineinfo) {
            last = Math.max(last, line);
        }
        return last;
    }

    /** "stack traceback:" and one line per frame from {@code level} (1 = the innermost Lua function). */
    static String traceback(List<LuaStack.Frame> frames, int level) {
        StringBuilder out = new StringBuilder("stack traceback:");
        if (level == 0) {
            out.append("\n\t[C]: in function 'traceback'");
        }
        int count = frames.size();
        for (int l = Math.max(level, 1); l <= count; l++) {
            if (l == FIRST && count > FIRST + LAST) {
                out.append("\n\t...");
                l = count - LAST + 1;
            }
            out.append("\n\t").append(line(frames.get(l - 1)));
        }
        return out.toString();
    }

    private static String line(LuaStack.Frame frame) {
        Prototype p = frame.prototype();
        if (p == null) {
            return "?: in function <?>";
        }
        String where = ChunkLoad.displayName(p.source.tojstring());
        String at = frame.line() > 0 ? where + ":" + frame.line() + ":" : where + ":";
        if (frame.name() != null) {
            return at + " in function '" + frame.name() + "'";
        }
        if (p.linedefined == 0) {
            return at + " in main chunk";
        }
        return at + " in function <" + where + ":" + p.linedefined + ">";
    }
}
