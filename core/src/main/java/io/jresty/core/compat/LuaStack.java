package io.jresty.core.compat;

import io.jresty.core.compile.CompiledFunctions;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * The Lua functions running on this thread, innermost first, as the debug library shows them.
 * Read from the JVM's stack (see {@link StackLevels}): a compiled function's frame gives its
 * prototype from its class and its line from its line table; an interpreted one gives its
 * prototype through the closure, but no line (LuaJ's interpreter keeps its pc in a local).
 * Functions written in Java are not listed.
 */
final class LuaStack {
    private LuaStack() {}

    /**
     * One running Lua function: the function (null when it cannot be read), its prototype (null
     * when unknown), its current line (-1 when unknown) and what its caller called it by
     * ("local 'f'", "method 'm'"; null when unknown).
     */
    record Frame(LuaValue function, Prototype prototype, int line, String calledAs) {
        Frame named(String phrase) {
            return new Frame(function, prototype, line, phrase);
        }

        /** The name, "f" of "local 'f'"; null when unknown. */
        String name() {
            return calledAs == null ? null : calledAs.substring(calledAs.indexOf('\'') + 1, calledAs.length() - 1);
        }

        /** What the name is, "local" of "local 'f'"; "" when unknown. */
        String namewhat() {
            return calledAs == null ? "" : calledAs.substring(0, calledAs.indexOf(" '"));
        }
    }

    static List<Frame> frames() {
        StackLevels.Walker walker = StackLevels.WALKER;
        return walker.stack().walk(stream -> {
            List<Frame> frames = new ArrayList<>();
            // the innermost frame still waiting for its caller to name it; -1 when the chain broke
            int unnamed = -1;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) stream::iterator) {
                Class<?> c = f.getDeclaringClass();
                if (StackLevels.isLuaCall(c, f.getMethodName())) {
                    Object self = walker.locals() != null ? walker.self(f) : null;
                    LuaValue function = self instanceof LuaValue v ? v : null;
                    boolean interpreted = c == LuaClosure.class;
                    if (unnamed >= 0 && !interpreted) {
                        String name = CompiledFunctions.calledPhrase(c, f.getLineNumber());
                        frames.set(unnamed, frames.get(unnamed).named(name));
                    }
                    Prototype p = interpreted
                            ? (function instanceof LuaClosure closure ? closure.p : null)
                            : CompiledFunctions.prototype(c);
                    int line = interpreted ? -1 : CompiledFunctions.line(c, f.getLineNumber());
                    frames.add(new Frame(function, p, line, null));
                    unnamed = frames.size() - 1;
                } else if (unnamed >= 0 && c != LuaClosure.class && !CompiledFunctions.passesCallOn(c)) {
                    unnamed = -1;
                }
            }
            return frames;
        });
    }
}
