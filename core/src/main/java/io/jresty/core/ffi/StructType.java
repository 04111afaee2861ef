package io.jresty.core.ffi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * A C struct or union: declared by its tag first (possibly only forward, as "typedef struct s s_t;"),
 * then defined once with its fields laid out as on x86-64 (natural alignment, padded size).
 * Mutable only while ffi.cdef defines it, under the worker's lock like all Lua state.
 */
final class StructType implements CType {
    /** One member and its byte offset inside the struct; {@code key} is the name as Lua indexes it. */
    record Field(String name, CType type, long offset, LuaString key) {}

    private final String tag;
    private final int id;
    /** A union lays every member at offset 0. */
    private final boolean union;
    private Map<String, Field> fields;
    /** The same fields for lookups by Lua key: a short array beats hashing a fresh string. */
    private Field[] byKey = new Field[0];
    private long size = -1;
    /** The metatable ffi.metatype gave this struct, for its values, references and pointers. */
    private LuaValue metatype;
    private int align = 1;

    StructType(String tag, int id, boolean union) {
        this.tag = tag;
        this.id = id;
        this.union = union;
    }

    /** An undefined struct of the same tag and number, to become a forked worker's copy of this one. */
    StructType shell() {
        return new StructType(tag, id, union);
    }

    /** Takes {@code source}'s layout, its members' types replaced by {@code twin}, and the given metatable. */
    void defineAs(StructType source, UnaryOperator<CType> twin, LuaValue metatype) {
        if (source.fields != null) {
            Map<String, Field> laid = new LinkedHashMap<>();
            source.fields.forEach((name, f) -> laid.put(name, new Field(name, twin.apply(f.type()), f.offset(), f.key())));
            this.fields = laid;
            this.byKey = laid.values().toArray(Field[]::new);
        }
        this.size = source.size;
        this.align = source.align;
        this.metatype = metatype;
    }

    LuaValue metatype() {
        return metatype;
    }

    void metatype(LuaValue mt) {
        if (metatype != null) {
            throw new FfiException("cannot change a protected metatable");
        }
        metatype = mt;
    }

    boolean defined() {
        return fields != null;
    }

    void define(List<Map.Entry<String, CType>> members) {
        Map<String, Field> laid = new LinkedHashMap<>();
        long offset = 0;
        long end = 0;
        int maxAlign = 1;
        for (Map.Entry<String, CType> m : members) {
            CType t = m.getValue();
            if (t.size() < 0) {
                throw new FfiException("size of C type is unknown or too large");
            }
            int a = t.align();
            offset = union ? 0 : (offset + a - 1) / a * a;
            laid.put(m.getKey(), new Field(m.getKey(), t, offset, LuaString.valueOf(m.getKey())));
            end = Math.max(end, offset + t.size());
            offset += t.size();
            maxAlign = Math.max(maxAlign, a);
        }
        this.fields = laid;
        this.byKey = laid.values().toArray(Field[]::new);
        this.align = maxAlign;
        this.size = (end + maxAlign - 1) / maxAlign * maxAlign;
    }

    Field field(String name) {
        return fields == null ? null : fields.get(name);
    }

    /** The field a Lua string key names, or null. */
    Field field(LuaString key) {
        for (Field f : byKey) {
            if (f.key() == key) {
                return f;
            }
        }
        for (Field f : byKey) {
            if (f.key().raweq(key)) {
                return f;
            }
        }
        return null;
    }

    Iterable<Field> fields() {
        return fields == null ? List.of() : fields.values();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int align() {
        return align;
    }

    @Override
    public String spell(String inner) {
        // anonymous structs print with a type number, as LuaJIT's "struct 104" (ours differ)
        String base = (union ? "union " : "struct ") + (tag != null ? tag : Integer.toString(id));
        return inner.isEmpty() ? base : base + " " + inner;
    }

    @Override
    public String toString() {
        return name();
    }
}
