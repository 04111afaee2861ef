package io.jresty.core.cjson;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Builds one cjson module table: its own settings, the worker's shared array metatables. */
final class CJsonInstance {
    private final CJsonConfig cfg = new CJsonConfig();
    private final ArrayMarkers markers;

    private CJsonInstance(ArrayMarkers markers) {
        this.markers = markers;
    }

    /** The table {@code require "cjson"} (safe = false) or {@code require "cjson.safe"} returns. */
    static LuaTable create(ArrayMarkers markers, boolean safe) {
        return new CJsonInstance(markers).table(safe);
    }

    private LuaTable table(boolean safe) {
        LuaTable t = new LuaTable();
        LuaValue encode = fn("encode", a -> {
            checkOne(a, "encode");
            return new CJsonEncoder(cfg, markers).encode(a.arg1());
        });
        LuaValue decode = fn("decode", a -> {
            checkOne(a, "decode");
            return CJsonDecoder.decode(cfg, markers, checkString(a.arg1()));
        });
        t.set("encode", safe ? protect("encode", encode) : encode);
        t.set("decode", safe ? protect("decode", decode) : decode);
        t.set("encode_sparse_array", fn("encode_sparse_array", a -> {
            CJsonOptions.checkCount(a, 3, "encode_sparse_array");
            return LuaValue.varargsOf(new LuaValue[] {
                CJsonOptions.onOff(a, 1, "encode_sparse_array",
                        () -> cfg.encodeSparseConvert ? 1 : 0, v -> cfg.encodeSparseConvert = v == 1),
                CJsonOptions.integer(a, 2, "encode_sparse_array", 0, Integer.MAX_VALUE,
                        () -> cfg.encodeSparseRatio, v -> cfg.encodeSparseRatio = v),
                CJsonOptions.integer(a, 3, "encode_sparse_array", 0, Integer.MAX_VALUE,
                        () -> cfg.encodeSparseSafe, v -> cfg.encodeSparseSafe = v)});
        }));
        integerOption(t, "encode_max_depth", 1, Integer.MAX_VALUE,
                () -> cfg.encodeMaxDepth, v -> cfg.encodeMaxDepth = v);
        integerOption(t, "decode_max_depth", 1, Integer.MAX_VALUE,
                () -> cfg.decodeMaxDepth, v -> cfg.decodeMaxDepth = v);
        integerOption(t, "encode_number_precision", 1, 16,
                () -> cfg.encodeNumberPrecision, v -> cfg.encodeNumberPrecision = v);
        boolOption(t, "encode_empty_table_as_object",
                () -> cfg.encodeEmptyTableAsObject ? 1 : 0, v -> cfg.encodeEmptyTableAsObject = v == 1);
        boolOption(t, "decode_array_with_array_mt",
                () -> cfg.decodeArrayWithArrayMt ? 1 : 0, v -> cfg.decodeArrayWithArrayMt = v == 1);
        boolOption(t, "encode_keep_buffer",
                () -> cfg.encodeKeepBuffer ? 1 : 0, v -> cfg.encodeKeepBuffer = v == 1);
        boolOption(t, "decode_invalid_numbers",
                () -> cfg.decodeInvalidNumbers ? 1 : 0, v -> cfg.decodeInvalidNumbers = v == 1);
        boolOption(t, "encode_escape_forward_slash",
                () -> cfg.encodeEscapeForwardSlash ? 1 : 0, v -> cfg.encodeEscapeForwardSlash = v == 1);
        boolOption(t, "encode_skip_unsupported_value_types",
                () -> cfg.encodeSkipUnsupportedValueTypes ? 1 : 0,
                v -> cfg.encodeSkipUnsupportedValueTypes = v == 1);
        t.set("encode_invalid_numbers", fn("encode_invalid_numbers", a -> {
            CJsonOptions.checkCount(a, 1, "encode_invalid_numbers");
            return CJsonOptions.enumerated(a, 1, "encode_invalid_numbers", List.of("off", "on", "null"),
                    () -> cfg.encodeInvalidNumbers, v -> cfg.encodeInvalidNumbers = v);
        }));
        t.set("new", fn("new", a -> create(markers, safe)));
        t.set("null", CJsonModule.NULL);
        t.set("empty_array", CJsonModule.EMPTY_ARRAY);
        t.set("array_mt", markers.arrayMt());
        t.set("empty_array_mt", markers.emptyArrayMt());
        t.set("_NAME", "cjson");
        t.set("_VERSION", "2.1.0.11");
        return t;
    }

    private static void checkOne(Varargs a, String function) {
        if (a.narg() != 1) {
            throw CJsonOptions.badArgument(1, function, "expected 1 argument");
        }
    }

    private static LuaString checkString(LuaValue v) {
        if (v.type() == LuaValue.TSTRING || v.type() == LuaValue.TNUMBER) {
            return v.checkstring();
        }
        throw CJsonOptions.badArgument(1, "decode", "string expected, got " + v.typename());
    }

    private static void integerOption(LuaTable t, String name, int min, int max, IntSupplier get,
                                      IntConsumer set) {
        t.set(name, fn(name, a -> {
            CJsonOptions.checkCount(a, 1, name);
            return CJsonOptions.integer(a, 1, name, min, max, get, set);
        }));
    }

    private static void boolOption(LuaTable t, String name, IntSupplier get, IntConsumer set) {
        t.set(name, fn(name, a -> {
            CJsonOptions.checkCount(a, 1, name);
            return CJsonOptions.onOff(a, 1, name, get, set);
        }));
    }

    /** cjson.safe's json_protect_conversion: argument errors still raise, the rest return nil, err. */
    private static LuaValue protect(String name, LuaValue conversion) {
        return fn(name, a -> {
            checkOne(a, name);
            try {
                return conversion.invoke(a);
            } catch (LuaError e) {
                return LuaValue.varargsOf(LuaValue.NIL, e.getMessageObject());
            }
        });
    }

    private interface Body {
        Varargs call(Varargs args);
    }

    private static LuaValue fn(String name, Body body) {
        return new VarArgFunction() {
            {
                this.name = name;
            }

            @Override
            public Varargs invoke(Varargs args) {
                return body.call(args);
            }
        };
    }
}
