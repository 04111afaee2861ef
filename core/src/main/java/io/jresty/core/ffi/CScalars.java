package io.jresty.core.ffi;

import io.jresty.core.ffi.CType.Kind;
import io.jresty.core.ffi.CType.Scalar;
import java.util.Map;

/** The built-in number types of x86-64 Linux, by every name LuaJIT accepts for them. */
final class CScalars {
    static final Scalar VOID = new Scalar("void", Kind.VOID, 0, false);
    static final Scalar BOOL = new Scalar("bool", Kind.BOOL, 1, false);
    static final Scalar CHAR = new Scalar("char", Kind.SIGNED, 1, false);
    static final Scalar UCHAR = new Scalar("unsigned char", Kind.UNSIGNED, 1, false);
    static final Scalar SHORT = new Scalar("short", Kind.SIGNED, 2, false);
    static final Scalar USHORT = new Scalar("unsigned short", Kind.UNSIGNED, 2, false);
    static final Scalar INT = new Scalar("int", Kind.SIGNED, 4, false);
    static final Scalar UINT = new Scalar("unsigned int", Kind.UNSIGNED, 4, false);
    static final Scalar INT64 = new Scalar("int64_t", Kind.SIGNED, 8, false);
    static final Scalar UINT64 = new Scalar("uint64_t", Kind.UNSIGNED, 8, false);
    static final Scalar FLOAT = new Scalar("float", Kind.FLOAT, 4, false);
    static final Scalar DOUBLE = new Scalar("double", Kind.FLOAT, 8, false);

    /** The typedef names of stdint.h and stddef.h. */
    static final Map<String, Scalar> TYPEDEFS = Map.ofEntries(
            Map.entry("int8_t", CHAR), Map.entry("uint8_t", UCHAR),
            Map.entry("int16_t", SHORT), Map.entry("uint16_t", USHORT),
            Map.entry("int32_t", INT), Map.entry("uint32_t", UINT),
            Map.entry("int64_t", INT64), Map.entry("uint64_t", UINT64),
            Map.entry("size_t", UINT64), Map.entry("ssize_t", INT64),
            Map.entry("uintptr_t", UINT64), Map.entry("intptr_t", INT64),
            Map.entry("ptrdiff_t", INT64), Map.entry("_Bool", BOOL), Map.entry("bool", BOOL));

    private CScalars() {}

    /** A type from C's keyword soup ("unsigned long int"), or null when the words name none. */
    static Scalar fromKeywords(int unsigned, int signed, int shorts, int longs, String base) {
        if (base == null) {
            base = "int";
        }
        boolean u = unsigned > 0;
        return switch (base) {
            case "void" -> VOID;
            case "float" -> FLOAT;
            case "double" -> longs > 0 ? null : DOUBLE;
            case "char" -> u ? UCHAR : CHAR;
            case "int" -> shorts > 0 ? (u ? USHORT : SHORT) : longs > 0 ? (u ? UINT64 : INT64) : (u ? UINT : INT);
            default -> null;
        };
    }

    static boolean keyword(String word) {
        return switch (word) {
            case "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned" -> true;
            default -> false;
        };
    }
}
