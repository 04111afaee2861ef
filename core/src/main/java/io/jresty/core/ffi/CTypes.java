package io.jresty.core.ffi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

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
    private final Map<String, CType.Scalar> enums = new HashMap<>();
    /** Enum members and static const integers, which ffi.C gives as numbers. */
    private final Map<String, Long> constants = new HashMap<>();
    private int anonymous = 100;
    /** The blocks this state allocated, by base address (see {@link AddressSpace}). */
    final ConcurrentSkipListMap<Long, AddressSpace.Entry> blocks = new ConcurrentSkipListMap<>();

    /**
     * This state's declarations for a forked worker: the same names, each type replaced by
     * {@code twin} (the worker's own struct types). The worker's blocks are listed as they are copied.
     */
    CTypes fork(UnaryOperator<CType> twin) {
        CTypes t = new CTypes();
        typedefs.forEach((k, v) -> t.typedefs.put(k, twin.apply(v)));
        structs.forEach((k, v) -> t.structs.put(k, (StructType) twin.apply(v)));
        parsed.forEach((k, v) -> t.parsed.put(k, twin.apply(v)));
        t.symbols.addAll(symbols);
        t.enums.putAll(enums);
        t.constants.putAll(constants);
        t.anonymous = anonymous;
        return t;
    }

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
        return aggregate(tag, false);
    }

    /** A struct or union by tag (created on first mention), or a fresh anonymous one. */
    StructType aggregate(String tag, boolean union) {
        if (tag == null) {
            return new StructType(null, anonymous++, union);
        }
        return structs.computeIfAbsent((union ? "union " : "struct ") + tag, t -> new StructType(tag, anonymous++, union));
    }

    /** An enum type: an int named "enum tag" (or by a number when anonymous). */
    CType.Scalar enumType(String tag) {
        if (tag == null) {
            return new CType.Scalar("enum " + anonymous++, CType.Kind.SIGNED, 4, false);
        }
        return enums.computeIfAbsent(tag, t -> new CType.Scalar("enum " + t, CType.Kind.SIGNED, 4, false));
    }

    boolean knownEnum(String tag) {
        return enums.containsKey(tag);
    }

    void defineConstant(String name, long value) {
        constants.put(name, value);
    }

    Long constant(String name) {
        return constants.get(name);
    }

    boolean knownStruct(String tag, boolean union) {
        return structs.containsKey((union ? "union " : "struct ") + tag);
    }

    void defineSymbol(String name) {
        symbols.add(name);
    }

    boolean symbol(String name) {
        return symbols.contains(name);
    }
}
