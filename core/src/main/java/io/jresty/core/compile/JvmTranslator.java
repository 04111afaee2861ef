package io.jresty.core.compile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.luajc.JavaGen;

/** Translates a prototype into JVM classes with LuaJC, instruments them and loads them. */
final class JvmTranslator {
    private static final AtomicLong SERIAL = new AtomicLong();

    private final ClassPass pass;

    JvmTranslator(boolean budgetChecks) {
        this.pass = new ClassPass(budgetChecks);
    }

    /**
     * The main function's class, loaded, verified and initialised. LuaJC's failures (a
     * VerifyError for a few shapes, JVM size limits for huge functions) surface here, not at
     * the first call, because every class of the chunk is forced through verification.
     */
    Class<?> translate(Prototype prototype, String chunkId) throws ClassNotFoundException {
        // names only need to be unique inside the chunk's own loader; the serial helps heap dumps
        String className = "jresty.lua.Chunk" + SERIAL.incrementAndGet();
        JavaGen gen = new JavaGen(prototype, className, chunkId, false);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, Prototype> prototypes = new HashMap<>();
        collect(gen, prototype, classes, prototypes);
        LuaClassLoader loader = new LuaClassLoader(JvmTranslator.class.getClassLoader(), classes, prototypes);
        Class<?> main = null;
        for (String name : classes.keySet()) {
            Class<?> c = Class.forName(name, true, loader);
            if (main == null) {
                main = c;
            }
        }
        return main;
    }

    /** LuaJC makes one class per function: inner i is the class of nested prototype i. */
    private void collect(JavaGen gen, Prototype prototype, Map<String, byte[]> classes, Map<String, Prototype> prototypes) {
        classes.put(gen.classname, pass.apply(gen.classname, gen.bytecode));
        prototypes.put(gen.classname, prototype);
        if (gen.inners != null) {
            for (int i = 0; i < gen.inners.length; i++) {
                collect(gen.inners[i], prototype.p[i], classes, prototypes);
            }
        }
    }
}
