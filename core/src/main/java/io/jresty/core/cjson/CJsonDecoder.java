package io.jresty.core.cjson;

import io.jresty.core.budget.Budget;
import java.util.Arrays;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * JSON text to Lua values in one pass over the bytes, with lua-cjson's tokens, leniencies
 * (decode_invalid_numbers) and error messages. Strings stay bytes: input that is not UTF-8
 * passes through, {@code \\u} escapes become UTF-8. One instance per call.
 */
final class CJsonDecoder {
    private static final String[] TOKEN_NAMES = {
        "T_OBJ_BEGIN", "T_OBJ_END", "T_ARR_BEGIN", "T_ARR_END", "T_STRING", "T_NUMBER",
        "T_INTEGER", "T_BOOLEAN", "T_NULL", "T_COLON", "T_COMMA", "T_END", "T_WHITESPACE",
        "T_ERROR", "T_UNKNOWN"
    };
    private static final int OBJ_BEGIN = 0, OBJ_END = 1, ARR_BEGIN = 2, ARR_END = 3, STRING = 4,
            NUMBER = 5, INTEGER = 6, BOOLEAN = 7, NULL = 8, COLON = 9, COMMA = 10, END = 11,
            ERROR = 13;

    private final CJsonConfig cfg;
    private final ArrayMarkers markers;
    private final byte[] b;
    private final int base;
    /** Where the C string ends: the first NUL byte or the end of the Lua string. */
    private final int end;
    private int pos;
    private int depth;
    private LuaValue[] stack = new LuaValue[64];
    private int top;

    // The current token, as lua-cjson's json_token_t.
    private int type;
    private int index;
    private LuaValue value;
    private String error;
    private final JsonStringReader strings;

    private CJsonDecoder(CJsonConfig cfg, ArrayMarkers markers, LuaString json) {
        this.cfg = cfg;
        this.markers = markers;
        this.b = json.m_bytes;
        this.base = json.m_offset;
        int stop = json.m_offset + json.m_length;
        int nul = base;
        while (nul < stop && b[nul] != 0) {
            nul++;
        }
        this.end = nul;
        this.pos = base;
        this.strings = new JsonStringReader(b, nul);
    }

    static LuaValue decode(CJsonConfig cfg, ArrayMarkers markers, LuaString json) {
        // lua-cjson detects UTF-16/32 by a NUL in the first two bytes.
        if (json.m_length >= 2 && (json.luaByte(0) == 0 || json.luaByte(1) == 0)) {
            throw CJsonEncoder.error("JSON parser does not support UTF-16 or UTF-32");
        }
        CJsonDecoder d = new CJsonDecoder(cfg, markers, json);
        d.nextToken();
        LuaValue result = d.processValue();
        d.nextToken();
        if (d.type != END) {
            throw d.parseError("the end");
        }
        return result;
    }

    private int at(int p) {
        return p < end ? b[p] & 0xff : 0;
    }

    private LuaError parseError(String expected) {
        String found = type == ERROR ? error : TOKEN_NAMES[type];
        return CJsonEncoder.error("Expected " + expected + " but found " + found
                + " at character " + (index - base + 1));
    }

    private void tokenError(String message) {
        type = ERROR;
        index = pos;
        error = message;
    }

    private LuaValue processValue() {
        return switch (type) {
            case STRING, NUMBER, INTEGER, BOOLEAN -> value;
            case NULL -> CJsonModule.NULL;
            case OBJ_BEGIN -> parseObject();
            case ARR_BEGIN -> parseArray();
            default -> throw parseError("value");
        };
    }

    private void descend() {
        depth++;
        if (depth > cfg.decodeMaxDepth) {
            throw CJsonEncoder.error("Found too many nested data structures (" + depth
                    + ") at character " + (pos - base));
        }
    }

    private void push(LuaValue v) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = v;
    }

    /** Pops the values from {@code base} up, dropping the references for the collector. */
    private void popTo(int base) {
        Arrays.fill(stack, base, top, null);
        top = base;
    }

    private LuaTable parseObject() {
        descend();
        nextToken();
        if (type == OBJ_END) {
            depth--;
            return new LuaTable();
        }
        // Keys and values wait on a stack, as on lua-cjson's Lua stack, so the table is
        // created at its final size instead of rehashing while it grows.
        int base = top;
        while (true) {
            if (type != STRING) {
                throw parseError("object key string");
            }
            push(value);
            nextToken();
            if (type != COLON) {
                throw parseError("colon");
            }
            nextToken();
            push(processValue());
            nextToken();
            if (type == OBJ_END) {
                depth--;
                LuaTable table = new LuaTable(0, (top - base) / 2);
                for (int i = base; i < top; i += 2) {
                    table.rawset(stack[i], stack[i + 1]);
                }
                popTo(base);
                return table;
            }
            if (type != COMMA) {
                throw parseError("comma or object end");
            }
            nextToken();
        }
    }

    private LuaTable parseArray() {
        descend();
        nextToken();
        if (type == ARR_END) {
            depth--;
            return array(top);
        }
        int base = top;
        while (true) {
            push(processValue());
            nextToken();
            if (type == ARR_END) {
                depth--;
                LuaTable table = array(base);
                popTo(base);
                return table;
            }
            if (type != COMMA) {
                throw parseError("comma or array end");
            }
            nextToken();
        }
    }

    private LuaTable array(int base) {
        LuaTable table = new LuaTable(top - base, 0);
        for (int i = base; i < top; i++) {
            table.rawset(i - base + 1, stack[i]);
        }
        if (cfg.decodeArrayWithArrayMt) {
            table.setmetatable(markers.arrayMt());
        }
        return table;
    }

    private void nextToken() {
        // a huge document decodes in one Java loop: charge the budget per token
        Budget.tick();
        int ch = at(pos);
        while (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            ch = at(++pos);
        }
        index = pos;
        switch (ch) {
            case '{' -> single(OBJ_BEGIN);
            case '}' -> single(OBJ_END);
            case '[' -> single(ARR_BEGIN);
            case ']' -> single(ARR_END);
            case ',' -> single(COMMA);
            case ':' -> single(COLON);
            case 0 -> type = END;
            case '"' -> stringToken();
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                if (!cfg.decodeInvalidNumbers && isInvalidNumber()) {
                    tokenError("invalid number");
                } else {
                    numberToken();
                }
            }
            case 't', 'f', 'n', 'i', 'I', 'N', '+' -> wordToken();
            default -> tokenError("invalid token");
        }
    }

    private void single(int tokenType) {
        type = tokenType;
        pos++;
    }

    private void wordToken() {
        if (startsWith("true")) {
            literal(LuaValue.TRUE, 4);
        } else if (startsWith("false")) {
            literal(LuaValue.FALSE, 5);
        } else if (startsWith("null")) {
            type = NULL;
            pos += 4;
        } else if (cfg.decodeInvalidNumbers && isInvalidNumber()) {
            numberToken();
        } else {
            tokenError("invalid token");
        }
    }

    private void literal(LuaValue v, int length) {
        type = BOOLEAN;
        value = v;
        pos += length;
    }

    private boolean startsWith(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at(pos + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** lua-cjson's json_is_invalid_number: valid for strtod but not strict JSON. */
    private boolean isInvalidNumber() {
        int p = pos;
        if (at(p) == '+') {
            return true;
        }
        if (at(p) == '-') {
            p++;
        }
        int c = at(p);
        if (c == '0') {
            int c2 = at(p + 1);
            return (c2 | 0x20) == 'x' || (c2 >= '0' && c2 <= '9');
        }
        if (c <= '9') {
            return false;
        }
        return matchesIgnoreCase(p, "inf") || matchesIgnoreCase(p, "nan");
    }

    private boolean matchesIgnoreCase(int p, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((at(p + i) | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void numberToken() {
        int integerEnd = NumberScan.strtollEnd(b, pos, end);
        int next = at(integerEnd);
        if (integerEnd == pos || next == '.' || next == 'e' || next == 'E' || next == 'x') {
            int stop = NumberScan.strtodEnd(b, pos, end);
            if (stop == pos) {
                tokenError("invalid number");
                return;
            }
            type = NUMBER;
            value = LuaValue.valueOf(NumberScan.strtod(b, pos, stop));
            pos = stop;
        } else {
            long n = NumberScan.strtoll(b, pos, integerEnd);
            type = INTEGER;
            value = (n == (int) n) ? LuaValue.valueOf((int) n) : LuaValue.valueOf((double) n);
            pos = integerEnd;
        }
    }

    private void stringToken() {
        int next = strings.read(pos);
        if (next < 0) {
            pos = strings.errorAt;
            tokenError(strings.error);
            return;
        }
        type = STRING;
        value = strings.value;
        pos = next;
    }
}
