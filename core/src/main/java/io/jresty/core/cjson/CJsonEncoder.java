package io.jresty.core.cjson;

import io.jresty.core.budget.Budget;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Lua value to JSON text, following lua-cjson's encoder rule by rule. One instance per call. */
final class CJsonEncoder {
    private static final byte[][] ESCAPES = new byte[256][];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = String.format("\\u%04x", c).getBytes();
        }
        ESCAPES['\b'] = "\\b".getBytes();
        ESCAPES['\t'] = "\\t".getBytes();
        ESCAPES['\n'] = "\\n".getBytes();
        ESCAPES['\f'] = "\\f".getBytes();
        ESCAPES['\r'] = "\\r".getBytes();
        ESCAPES['"'] = "\\\"".getBytes();
        ESCAPES['\\'] = "\\\\".getBytes();
        ESCAPES['/'] = "\\/".getBytes();
        ESCAPES[0x7f] = "\\u007f".getBytes();
    }

    private final CJsonConfig cfg;
    private final ArrayMarkers markers;
    private final JsonBuffer out = new JsonBuffer();

    CJsonEncoder(CJsonConfig cfg, ArrayMarkers markers) {
        this.cfg = cfg;
        this.markers = markers;
    }

    LuaString encode(LuaValue value) {
        appendData(value, 0);
        return out.toLuaString();
    }

    /**
     * lua-cjson raises with luaL_error, which prefixes the position of the Lua caller, if any:
     * a plain LuaError gets the same from LuaJ (the calling closure adds its line).
     */
    static LuaError error(String message) {
        return new LuaError(message);
    }

    private LuaError cannotSerialise(LuaValue value, String reason) {
        return error("Cannot serialise " + value.typename() + ": " + reason);
    }

    /** Returns false when the value was skipped (encode_skip_unsupported_value_types). */
    private boolean appendData(LuaValue value, int depth) {
        // a huge table encodes in one Java loop: charge the budget per value, as compiled Lua does per loop
        Budget.tick();
        switch (value.type()) {
            case LuaValue.TSTRING -> appendString(value.checkstring());
            case LuaValue.TNUMBER -> appendNumber(value);
            case LuaValue.TBOOLEAN -> out.append(value.toboolean() ? "true" : "false");
            case LuaValue.TNIL -> out.append("null");
            case LuaValue.TTABLE -> appendTable((LuaTable) value, depth + 1);
            default -> {
                if (value == CJsonModule.NULL) {
                    out.append("null");
                } else if (value == CJsonModule.EMPTY_ARRAY) {
                    out.append("[]");
                } else if (cfg.encodeSkipUnsupportedValueTypes) {
                    return false;
                } else {
                    throw cannotSerialise(value, "type not supported");
                }
            }
        }
        return true;
    }

    private void appendTable(LuaTable table, int depth) {
        if (depth > cfg.encodeMaxDepth) {
            throw error("Cannot serialise, excessive nesting (" + depth + ")");
        }
        LuaValue mt = table.getmetatable();
        boolean raw = true;
        if (mt != null) {
            if (mt == markers.arrayMt()) {
                appendArray(table, depth, table.rawlen(), true);
                return;
            }
            raw = false;
            LuaValue len = mt.rawget("__len");
            if (!len.isnil()) {
                appendArray(table, depth, len.call(table).toint(), false);
                return;
            }
        }
        int length = arrayLength(table);
        if (length > 0 || (length == 0 && !cfg.encodeEmptyTableAsObject)) {
            appendArray(table, depth, length, raw);
        } else if (mt != null && mt == markers.emptyArrayMt()) {
            appendArray(table, depth, table.rawlen(), true);
        } else {
            appendObject(table, depth);
        }
    }

    /** lua-cjson's lua_array_length: -1 for an object, else the array size to write. */
    private int arrayLength(LuaTable table) {
        int max = 0;
        int items = 0;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = table.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            if (k.type() != LuaValue.TNUMBER) {
                return -1;
            }
            double d = k.todouble();
            if (d == 0 || Math.floor(d) != d || d < 1) {
                return -1;
            }
            if (d > max) {
                // C stores the key in an int: past INT_MAX x86 gives INT_MIN, and
                // a negative length then makes lua-cjson write an object.
                max = d <= Integer.MAX_VALUE ? (int) d : Integer.MIN_VALUE;
            }
            items++;
        }
        if (cfg.encodeSparseRatio > 0 && max > (double) items * cfg.encodeSparseRatio
                && max > cfg.encodeSparseSafe) {
            if (!cfg.encodeSparseConvert) {
                throw cannotSerialise(table, "excessively sparse array");
            }
            return -1;
        }
        return max < 0 ? -1 : max;
    }

    private void appendArray(LuaTable table, int depth, int length, boolean raw) {
        out.append('[');
        boolean comma = false;
        for (int i = 1; i <= length; i++) {
            int mark = out.length();
            if (comma) {
                out.append(',');
            }
            LuaValue element = raw ? table.rawget(i) : table.get(i);
            if (appendData(element, depth)) {
                comma = true;
            } else {
                out.truncate(mark);
            }
        }
        out.append(']');
    }

    private void appendObject(LuaTable table, int depth) {
        out.append('{');
        boolean comma = false;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = table.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            int mark = out.length();
            if (comma) {
                out.append(',');
            }
            switch (k.type()) {
                case LuaValue.TNUMBER -> {
                    out.append('"');
                    appendNumber(k);
                    out.append("\":");
                }
                case LuaValue.TSTRING -> {
                    appendString(k.checkstring());
                    out.append(':');
                }
                default -> throw cannotSerialise(k, "table key must be a number or string");
            }
            if (appendData(next.arg(2), depth)) {
                comma = true;
            } else {
                out.truncate(mark);
            }
        }
        out.append('}');
    }

    private void appendNumber(LuaValue number) {
        double d = number.todouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            switch (cfg.encodeInvalidNumbers) {
                case 0 -> throw cannotSerialise(number, "must not be NaN or Infinity");
                case 1 -> out.append(Double.isNaN(d) ? "NaN" : d < 0 ? "-Infinity" : "Infinity");
                default -> out.append("null");
            }
            return;
        }
        out.append(NumberFormatG.format(d, cfg.encodeNumberPrecision));
    }

    private void appendString(LuaString s) {
        byte[] bytes = s.m_bytes;
        int end = s.m_offset + s.m_length;
        boolean slash = cfg.encodeEscapeForwardSlash;
        out.ensure(s.m_length * 6 + 2);
        out.put((byte) '"');
        for (int i = s.m_offset; i < end; i++) {
            byte b = bytes[i];
            byte[] escape = ESCAPES[b & 0xff];
            if (escape == null || (b == '/' && !slash)) {
                out.put(b);
            } else {
                for (byte e : escape) {
                    out.put(e);
                }
            }
        }
        out.put((byte) '"');
    }
}
