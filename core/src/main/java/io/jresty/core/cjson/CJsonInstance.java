package io.jresty.core.cjson;

import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Twinned;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Builds one cjson module table: its own settings, the worker's shared array metatables. */
final class CJsonInstance {
    private final CJsonConfig cfg;
    private final ArrayMarkers markers;
    private final boolean safe;
    private final LuaTable table;

    private CJsonInstance(ArrayMarkers markers, CJsonConfig cfg, boolean safe) {
        this.markers = markers;
        this.cfg = cfg;
        this.safe = safe;
        this.table = table(safe);
    }

    /** The table {@code require "cjson"} (safe = false) or {@code require "cjson.safe"} returns. */
    static LuaTable create(ArrayMarkers markers, boolean safe) {
        return new CJsonInstance(markers, new CJsonConfig(), safe).table;
    }

    /**
     * This instance in a worker forked after init_by_lua made or configured it: the same
     * settings, that worker's array metatables, and the module's functions as that copy's.
     */
    private CJsonInstance twin(ForkCopy copy) {
        return copy.once(this, () -> {
            CJsonInstance twin = new CJsonInstance(ArrayMarkers.of(copy.target()), cfg.copy(), safe);
            copy.counterpart(table, twin.table);
            for (LuaValue k : table.keys()) {
                if (table.rawget(k) instanceof Twinned.Call f && twin.table.rawget(k) instanceof Twinned.Call g) {
                    copy.counterpart(f, g);
                }
            }
            return twin;
        });
    }

    private LuaTable table(boolean safe) {
        LuaTable t = new Twinned.Table(this::twin);
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
        t.set("new", fn("new", a -> new CJsonInstance(markers, new CJsonConfig(), safe).table));
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

    private void integerOption(LuaTable t, String name, int min, int max, IntSupplier get,
                                      IntConsumer set) {
        t.set(name, fn(name, a -> {
            CJsonOptions.checkCount(a, 1, name);
            return CJsonOptions.integer(a, 1, name, min, max, get, set);
        }));
    }

    private void boolOption(LuaTable t, String name, IntSupplier get, IntConsumer set) {
        t.set(name, fn(name, a -> {
            CJsonOptions.checkCount(a, 1, name);
            return CJsonOptions.onOff(a, 1, name, get, set);
        }));
    }

    /** cjson.safe's json_protect_conversion: argument errors still raise, the rest return nil, err. */
    private LuaValue protect(String name, LuaValue conversion) {
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

    private LuaValue fn(String name, Body body) {
        return new Twinned.Call(name, body::call, this::twin);
    }
}
