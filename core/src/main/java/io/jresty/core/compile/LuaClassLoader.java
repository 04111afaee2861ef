package io.jresty.core.compile;

import java.util.HashMap;
import java.util.Map;
import org.luaj.vm2.Prototype;

/**
 * Holds the classes of one compiled chunk. One loader per chunk, so a chunk's classes are
 * unloaded as soon as no function of it is reachable (a replaced plugin leaves no metaspace
 * behind). The loader's name marks its classes' frames as Lua frames in stack traces, and it
 * knows the Lua function (prototype) each class was made from, for error and log messages.
 */
final class LuaClassLoader extends ClassLoader {
    static final String NAME = "jresty-lua";

    /** Bytes of classes not defined yet; guarded by the loader's class-loading lock. */
    private final Map<String, byte[]> pending;

    private final Map<String, Prototype> prototypes;

    LuaClassLoader(ClassLoader parent, Map<String, byte[]> classes, Map<String, Prototype> prototypes) {
        super(NAME, parent);
        this.pending = new HashMap<>(classes);
        this.prototypes = Map.copyOf(prototypes);
    }

    /** The prototype class {@code className} of this loader was made from, or null. */
    Prototype prototype(String className) {
        return prototypes.get(className);
    }

    /** The prototype a class was made from, when a LuaClassLoader loaded it; otherwise null. */
    static Prototype prototypeOf(Class<?> c) {
        return c.getClassLoader() instanceof LuaClassLoader loader ? loader.prototype(c.getName()) : null;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        synchronized (getClassLoadingLock(name)) {
            bytes = pending.remove(name);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
