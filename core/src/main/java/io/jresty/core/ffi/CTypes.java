package io.jresty.core.ffi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What ffi.cdef declared in one Lua state: typedef names, struct tags, and the names of C
 * functions and variables (remembered only to say that they cannot be used on the JVM).
 * Parsed type strings are cached, as the same few strings are passed again and again.
 */
final class CTypes {
    private final Map<String, CType> typedefs = new HashMap<>();
    private final Map<String, StructType> structs = new HashMap<>();
    private final Set<String> symbols = new HashSet<>();
    private final Map<String, CType> parsed = new HashMap<>();
    private int anonymous = 100;

    void cdef(String declarations) {
        CDeclParser.declarations(this, declarations);
    }

    /** A type named by a string such as "lrucache_queue_t[?]" or "const char *". */
    CType parse(String typeName) {
        CType t = parsed.get(typeName);
        if (t == null) {
            t = CDeclParser.typeName(this, typeName);
            parsed.put(typeName, t);
        }
        return t;
    }

    CType typedef(String name) {
        CType t = typedefs.get(name);
        return t != null ? t : CScalars.TYPEDEFS.get(name);
    }

    void defineTypedef(String name, CType type) {
        CType old = typedef(name);
        if (old != null && !old.equals(type)) {
            throw new FfiException("attempt to redefine '" + name + "'");
        }
        typedefs.put(name, type);
    }

    StructType struct(String tag) {
        if (tag == null) {
            return new StructType(null, anonymous++);
        }
        return structs.computeIfAbsent(tag, t -> new StructType(t, anonymous++));
    }

    boolean knownStruct(String tag) {
        return structs.containsKey(tag);
    }

    void defineSymbol(String name) {
        symbols.add(name);
    }

    boolean symbol(String name) {
        return symbols.contains(name);
    }
}
