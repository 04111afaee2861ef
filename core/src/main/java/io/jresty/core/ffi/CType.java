package io.jresty.core.ffi;

/** A C type of the data-only subset, spelled as LuaJIT spells it in "ctype<...>" and errors. */
sealed interface CType permits CType.Scalar, CType.Pointer, CType.Array, CType.Ref, StructType {
    /** Size in bytes, or -1 when unknown (void, an undefined struct, a [?] array). */
    long size();

    int align();

    /** LuaJIT's spelling with a declarator inside, e.g. "int" + "*[3]" gives "int *[3]". */
    String spell(String inner);

    default String name() {
        return spell("");
    }

    /** Whether stores through this type fail with "attempt to write to constant location". */
    default boolean constant() {
        return false;
    }

    /** What a scalar holds: the number kinds, bool, and void (for void *). */
    enum Kind { SIGNED, UNSIGNED, FLOAT, BOOL, VOID }

    /** A number type, bool or void, named as LuaJIT prints it ("unsigned int" for uint32_t). */
    record Scalar(String base, Kind kind, int bytes, boolean constant) implements CType {
        @Override
        public long size() {
            return kind == Kind.VOID ? -1 : bytes;
        }

        @Override
        public int align() {
            return Math.max(1, bytes);
        }

        @Override
        public String spell(String inner) {
            String b = constant ? "const " + base : base;
            return inner.isEmpty() ? b : b + " " + inner;
        }

        boolean integer() {
            return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
        }

        /** 64-bit integers stay boxed when read, as LuaJIT keeps them ("5LL", "5ULL"). */
        boolean boxedWhenRead() {
            return integer() && bytes == 8;
        }

        Scalar withConst() {
            return new Scalar(base, kind, bytes, true);
        }
    }

    /** A pointer; its value is a fake but unique address (see {@link AddressSpace}). */
    record Pointer(CType target, boolean constant) implements CType {
        @Override
        public long size() {
            return 8;
        }

        @Override
        public int align() {
            return 8;
        }

        @Override
        public String spell(String inner) {
            String star = constant ? "* const" : "*";
            return target.spell(inner.isEmpty() ? star : star + inner);
        }
    }

    /** A fixed array, or with {@code length < 0} a variable-length one ("[?]"). */
    record Array(CType element, long length) implements CType {
        @Override
        public long size() {
            return length < 0 || element.size() < 0 ? -1 : length * element.size();
        }

        @Override
        public int align() {
            return element.align();
        }

        @Override
        public String spell(String inner) {
            String wrapped = inner.startsWith("*") || inner.startsWith("&") ? "(" + inner + ")" : inner;
            return element.spell(wrapped + "[" + (length < 0 ? "?" : Long.toString(length)) + "]");
        }

        @Override
        public boolean constant() {
            return element.constant();
        }
    }

    /** A reference, as LuaJIT returns for a struct or array element: "struct s &", "char (&)[3]". */
    record Ref(CType target) implements CType {
        @Override
        public long size() {
            return target.size();
        }

        @Override
        public int align() {
            return target.align();
        }

        @Override
        public String spell(String inner) {
            return target.spell(inner.isEmpty() ? "&" : "&" + inner);
        }
    }
}
