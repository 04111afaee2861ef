package io.jresty.core.compile;

import java.util.HashMap;
import java.util.Map;

/**
 * Holds the classes of one compiled chunk. One loader per chunk, so a chunk's classes are
 * unloaded as soon as no function of it is reachable (a replaced plugin leaves no metaspace
 * behind). The loader's name marks its classes' frames as Lua frames in stack traces.
 */
final class LuaClassLoader extends ClassLoader {
    static final String NAME = "jresty-lua";

    /** Bytes of classes not defined yet; guarded by the loader's class-loading lock. */
    private final Map<String, byte[]> pending;

    LuaClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
        super(NAME, parent);
        this.pending = new HashMap<>(classes);
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
