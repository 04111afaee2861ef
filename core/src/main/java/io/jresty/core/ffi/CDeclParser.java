package io.jresty.core.ffi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the C subset of ffi.cdef and of type strings: typedefs, struct definitions and forward
 * declarations, number types, pointers, fixed and "[?]" arrays, and function or variable
 * declarations (accepted, so a library's cdef block loads, but never callable). Unions, enums,
 * bit fields, function pointers and initialized constants are refused by name. Errors read as
 * LuaJIT's: "declaration specifier expected near 'foo_t'".
 */
final class CDeclParser {
    private final CTypes types;
    private final List<String> tokens;
    /** ffi.cdef may name a struct before defining it; a type string may not. */
    private final boolean declaring;
    private int pos;

    private CDeclParser(CTypes types, String text, boolean declaring) {
        this.types = types;
        this.declaring = declaring;
        this.tokens = CLexer.tokens(text);
    }

    static void declarations(CTypes types, String text) {
        new CDeclParser(types, text, true).declarations();
    }

    /** An abstract type name: a specifier and a declarator without a name. */
    static CType typeName(CTypes types, String text) {
        CDeclParser p = new CDeclParser(types, text, false);
        Declarator d = p.declarator(p.specifier());
        if (d.name != null || d.function || !p.eof()) {
            throw new FfiException("unexpected '" + (d.name != null ? d.name : p.peek()) + "' in type '" + text.strip() + "'");
        }
        return d.type;
    }

    private record Declarator(String name, CType type, boolean function) {}

    private void declarations() {
        while (!eof()) {
            if (accept(";")) {
                continue;
            }
            boolean typedef = accept("typedef");
            if (accept("static")) {
                staticConstant();
                continue;
            }
            accept("extern");
            CType base = specifier();
            if (eof() || accept(";")) {
                continue;
            }
            do {
                Declarator d = declarator(base);
                if (d.name == null) {
                    throw expected("identifier");
                }
                if (typedef) {
                    types.defineTypedef(d.name, d.type);
                } else {
                    types.defineSymbol(d.name);
                }
                if (peek().equals("=")) {
                    throw unsupported("initialized declarations");
                }
            } while (accept(","));
            if (!eof()) {
                expect(";");
            }
        }
    }

    private CType specifier() {
        boolean constant = qualifiers();
        String word = peek();
        CType base;
        if (word.equals("struct") || word.equals("union")) {
            pos++;
            base = struct(word.equals("union"));
        } else if (word.equals("enum")) {
            pos++;
            base = enumeration();
        } else if (CScalars.keyword(word)) {
            base = keywords();
        } else if (identifier(word) && types.typedef(word) != null) {
            pos++;
            base = types.typedef(word);
        } else {
            throw new FfiException("declaration specifier expected near '" + near() + "'");
        }
        constant |= qualifiers();
        return constant && base instanceof CType.Scalar s ? s.withConst() : base;
    }

    private boolean qualifiers() {
        boolean constant = false;
        while (true) {
            if (accept("const")) {
                constant = true;
            } else if (!accept("volatile") && !accept("restrict") && !accept("__restrict")) {
                return constant;
            }
        }
    }

    private CType keywords() {
        int unsigned = 0;
        int signed = 0;
        int shorts = 0;
        int longs = 0;
        String base = null;
        while (CScalars.keyword(peek())) {
            String w = tokens.get(pos++);
            switch (w) {
                case "unsigned" -> unsigned++;
                case "signed" -> signed++;
                case "short" -> shorts++;
                case "long" -> longs++;
                default -> base = w;
            }
            qualifiers();
        }
        CType t = CScalars.fromKeywords(unsigned, signed, shorts, longs, base);
        if (t == null) {
            throw unsupported("long double");
        }
        return t;
    }

    private CType struct(boolean union) {
        String tag = identifier(peek()) ? tokens.get(pos++) : null;
        if (!accept("{")) {
            if (tag == null) {
                throw expected("'{'");
            }
            if (!declaring && !types.knownStruct(tag, union)) {
                throw new FfiException("undeclared or implicit tag '" + tag + "'");
            }
            return types.aggregate(tag, union);
        }
        StructType s = types.aggregate(tag, union);
        if (s.defined()) {
            throw new FfiException("attempt to redefine '" + tag + "'");
        }
        List<Map.Entry<String, CType>> members = new ArrayList<>();
        while (!accept("}")) {
            CType base = specifier();
            do {
                Declarator d = declarator(base);
                if (d.function) {
                    throw unsupported("function members");
                }
                if (peek().equals(":")) {
                    throw unsupported("bit fields");
                }
                members.add(Map.entry(d.name == null ? "" : d.name, d.type));
            } while (accept(","));
            expect(";");
        }
        s.define(members);
        return s;
    }

    /** enum tag { A, B = 5, C }: an int type, and its members as constants. */
    private CType enumeration() {
        String tag = identifier(peek()) ? tokens.get(pos++) : null;
        if (!accept("{")) {
            if (tag == null) {
                throw expected("'{'");
            }
            if (!declaring && !types.knownEnum(tag)) {
                throw new FfiException("undeclared or implicit tag '" + tag + "'");
            }
            return types.enumType(tag);
        }
        long next = 0;
        while (!accept("}")) {
            String name = tokens.get(pos++);
            if (!identifier(name)) {
                throw new FfiException("identifier expected near '" + name + "'");
            }
            if (accept("=")) {
                next = constantExpression();
            }
            types.defineConstant(name, next++);
            if (!accept(",")) {
                expect("}");
                break;
            }
        }
        return types.enumType(tag);
    }

    /** static const int NAME = value; as LuaJIT, the value is then ffi.C.NAME. */
    private void staticConstant() {
        CType t = specifier();
        String name = identifier(peek()) ? tokens.get(pos++) : null;
        if (name == null || !(t instanceof CType.Scalar s) || !s.integer() || !accept("=")) {
            throw unsupported("static declarations other than integer constants");
        }
        types.defineConstant(name, constantExpression());
        if (!eof()) {
            expect(";");
        }
    }

    /** Integer literals, earlier constants, unary minus, and the operators + - | << between them. */
    private long constantExpression() {
        long v = constantTerm();
        while (true) {
            if (accept("+")) {
                v += constantTerm();
            } else if (accept("-")) {
                v -= constantTerm();
            } else if (accept("|")) {
                v |= constantTerm();
            } else if (peek().equals("<") && pos + 1 < tokens.size() && tokens.get(pos + 1).equals("<")) {
                pos += 2;
                v <<= constantTerm();
            } else {
                return v;
            }
        }
    }

    private long constantTerm() {
        if (accept("-")) {
            return -constantTerm();
        }
        if (accept("(")) {
            long v = constantExpression();
            expect(")");
            return v;
        }
        String tok = tokens.get(pos++);
        if (Character.isDigit(tok.charAt(0))) {
            return number(tok);
        }
        Long c = types.constant(tok);
        if (c == null) {
            throw unsupported("the constant expression near '" + tok + "'");
        }
        return c;
    }

    private Declarator declarator(CType base) {
        CType t = base;
        while (accept("*")) {
            boolean constant = qualifiers();
            t = new CType.Pointer(t, constant);
        }
        if (peek().equals("(")) {
            throw unsupported("function pointers");
        }
        String name = identifier(peek()) ? tokens.get(pos++) : null;
        List<Long> dims = new ArrayList<>();
        while (accept("[")) {
            if (accept("?") || peek().equals("]")) {
                if (!dims.isEmpty()) {
                    throw new FfiException("'[?]' is allowed only for the outermost array");
                }
                dims.add(-1L);
            } else {
                dims.add(number(tokens.get(pos++)));
            }
            expect("]");
        }
        for (int i = dims.size() - 1; i >= 0; i--) {
            if (t.size() < 0) {
                throw new FfiException("size of C type is unknown or too large");
            }
            t = new CType.Array(t, dims.get(i));
        }
        boolean function = false;
        if (accept("(")) {
            skipBalanced();
            function = true;
        }
        while (accept("__attribute__") || accept("__asm__") || accept("asm")) {
            expect("(");
            skipBalanced();
        }
        return new Declarator(name, t, function);
    }

    /** Skips to the ")" matching an already consumed "(". */
    private void skipBalanced() {
        for (int depth = 1; depth > 0; pos++) {
            if (eof()) {
                throw expected("')'");
            }
            String tok = tokens.get(pos);
            depth += tok.equals("(") ? 1 : tok.equals(")") ? -1 : 0;
        }
    }

    private long number(String text) {
        String digits = text.replaceAll("[uUlL]+$", "");
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return Long.parseLong(digits.substring(2), 16);
            }
            return digits.length() > 1 && digits.startsWith("0") ? Long.parseLong(digits, 8) : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw unsupported("array size '" + text + "'");
        }
    }

    private static boolean identifier(String word) {
        return !word.isEmpty() && (Character.isLetter(word.charAt(0)) || word.charAt(0) == '_')
                && !CScalars.keyword(word) && !word.equals("const") && !word.equals("volatile");
    }

    private boolean eof() {
        return pos >= tokens.size();
    }

    private String peek() {
        return eof() ? "" : tokens.get(pos);
    }

    private String near() {
        return eof() ? "<eof>" : tokens.get(pos);
    }

    private boolean accept(String token) {
        if (!eof() && tokens.get(pos).equals(token)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw expected("'" + token + "'");
        }
    }

    private FfiException expected(String what) {
        return new FfiException(what + " expected near '" + near() + "'");
    }

    private static FfiException unsupported(String what) {
        return new FfiException("jresty's ffi does not support " + what + " (it is a data-only subset on the JVM:"
                + " structs, arrays, pointers and numbers)");
    }
}
