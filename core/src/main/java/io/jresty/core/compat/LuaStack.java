package io.jresty.core.compat;

import io.jresty.core.compile.CompiledFunctions;
import io.jresty.core.compile.XpcallHandler;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * The Lua functions running on this thread, innermost first, as the debug library shows them.
 * Read from the JVM's stack (see {@link StackLevels}): a compiled function's frame gives its
 * prototype from its class and its line from its line table; an interpreted one gives its
 * prototype through the closure, but no line (LuaJ's interpreter keeps its pc in a local).
 * Functions written in Java are not listed. Inside an xpcall handler, the frames the error
 * unwound are put back in from the error's stack trace (compiled ones only: a trace keeps no
 * closure), so a traceback there shows where the error was raised, as Lua's does.
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

    /** A Java frame: its class (null when it could not be found again), method, line and, for a Lua call, its {@code this}. */
    private record JavaFrame(Class<?> type, String method, int line, Object self) {}

    /** A walker that reads no locals: many times cheaper than the live one, enough for compiled frames. */
    private static final StackWalker PLAIN = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * The frames; {@code functions} when the caller needs each frame's function, which takes
     * reading the frames' locals (interpreted frames always do, for their prototype).
     */
    static List<Frame> frames(boolean functions) {
        List<JavaFrame> live = functions ? null : PLAIN.walk(stream -> stream
                .map(f -> new JavaFrame(f.getDeclaringClass(), f.getMethodName(), f.getLineNumber(), null))
                .toList());
        if (live == null || live.stream().anyMatch(f -> f.type() == LuaClosure.class && f.method().equals("execute"))) {
            StackLevels.Walker walker = StackLevels.WALKER;
            live = walker.stack().walk(stream -> stream
                    .map(f -> new JavaFrame(f.getDeclaringClass(), f.getMethodName(), f.getLineNumber(),
                            walker.locals() != null && StackLevels.isLuaCall(f.getDeclaringClass(), f.getMethodName())
                                    ? walker.self(f) : null))
                    .toList());
        }
        Deque<Throwable> failures = XpcallHandler.running();
        if (failures.isEmpty()) {
            return lua(live);
        }
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        for (JavaFrame f : live) {
            if (CompiledFunctions.prototype(f.type()) != null) {
                loaders.add(f.type().getClassLoader());
            }
        }
        List<JavaFrame> all = new ArrayList<>();
        Iterator<Throwable> pending = failures.iterator();
        for (JavaFrame f : live) {
            all.add(f);
            if (f.type() == XpcallHandler.class && f.method().equals(XpcallHandler.METHOD) && pending.hasNext()) {
                all.addAll(unwound(pending.next(), loaders));
            }
        }
        return lua(all);
    }

    /** The frames of a failure's trace from where it was raised to the xpcall that caught it. */
    private static List<JavaFrame> unwound(Throwable failure, Set<ClassLoader> loaders) {
        List<JavaFrame> out = new ArrayList<>();
        for (StackTraceElement e : failure.getStackTrace()) {
            if (XpcallHandler.isXpcall(e)) {
                break;
            }
            Class<?> type = find(e, loaders);
            if (type != LuaClosure.class) {
                out.add(new JavaFrame(type, e.getMethodName(), e.getLineNumber(), null));
            }
        }
        return out;
    }

    private static Class<?> find(StackTraceElement e, Set<ClassLoader> loaders) {
        List<ClassLoader> candidates = "jresty-lua".equals(e.getClassLoaderName())
                ? List.copyOf(loaders) : List.of(LuaValue.class.getClassLoader(), LuaStack.class.getClassLoader());
        for (ClassLoader loader : candidates) {
            try {
                return Class.forName(e.getClassName(), false, loader);
            } catch (ClassNotFoundException | LinkageError ignored) {
                // not this loader's
            }
        }
        return null;
    }

    /** The Lua calls among Java frames, each named from its caller's call instruction when nothing but LuaJ's dispatch lies between. */
    private static List<Frame> lua(List<JavaFrame> java) {
        List<Frame> frames = new ArrayList<>();
        // the innermost frame still waiting for its caller to name it; -1 when the chain broke
        int unnamed = -1;
        for (JavaFrame f : java) {
            Class<?> c = f.type();
            if (c == null) {
                unnamed = -1;
                continue;
            }
            boolean call = f.self() != null || StackLevels.isLuaCall(c, f.method());
            if (call && (c == LuaClosure.class || CompiledFunctions.prototype(c) != null)) {
                LuaValue function = f.self() instanceof LuaValue v ? v : null;
                boolean interpreted = c == LuaClosure.class;
                if (unnamed >= 0 && !interpreted) {
                    frames.set(unnamed, frames.get(unnamed).named(CompiledFunctions.calledPhrase(c, f.line())));
                }
                Prototype p = interpreted
                        ? (function instanceof LuaClosure closure ? closure.p : null)
                        : CompiledFunctions.prototype(c);
                int line = interpreted ? -1 : CompiledFunctions.line(c, f.line());
                frames.add(new Frame(function, p, line, null));
                unnamed = frames.size() - 1;
            } else if (unnamed >= 0 && c != LuaClosure.class && !CompiledFunctions.passesCallOn(c)) {
                unnamed = -1;
            }
        }
        return frames;
    }
}
