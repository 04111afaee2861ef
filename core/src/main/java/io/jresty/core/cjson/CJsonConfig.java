package io.jresty.core.cjson;

/**
 * The settings of one cjson instance (the module table, or one made by {@code cjson.new()}),
 * with lua-cjson's defaults. Mutable, owned by one worker's Lua state.
 */
final class CJsonConfig {
    boolean encodeSparseConvert = false;
    int encodeSparseRatio = 2;
    int encodeSparseSafe = 10;
    int encodeMaxDepth = 1000;
    int decodeMaxDepth = 1000;
    /** 0 = off (error), 1 = on (NaN/Infinity), 2 = "null". */
    int encodeInvalidNumbers = 0;
    boolean decodeInvalidNumbers = true;
    boolean encodeKeepBuffer = true;
    int encodeNumberPrecision = 14;
    boolean encodeEmptyTableAsObject = true;
    boolean decodeArrayWithArrayMt = false;
    boolean encodeEscapeForwardSlash = true;
    boolean encodeSkipUnsupportedValueTypes = false;

    /** The same settings, for an instance of a worker forked from this one's. */
    CJsonConfig copy() {
        CJsonConfig c = new CJsonConfig();
        c.encodeSparseConvert = encodeSparseConvert;
        c.encodeSparseRatio = encodeSparseRatio;
        c.encodeSparseSafe = encodeSparseSafe;
        c.encodeMaxDepth = encodeMaxDepth;
        c.decodeMaxDepth = decodeMaxDepth;
        c.encodeInvalidNumbers = encodeInvalidNumbers;
        c.decodeInvalidNumbers = decodeInvalidNumbers;
        c.encodeKeepBuffer = encodeKeepBuffer;
        c.encodeNumberPrecision = encodeNumberPrecision;
        c.encodeEmptyTableAsObject = encodeEmptyTableAsObject;
        c.decodeArrayWithArrayMt = decodeArrayWithArrayMt;
        c.encodeEscapeForwardSlash = encodeEscapeForwardSlash;
        c.encodeSkipUnsupportedValueTypes = encodeSkipUnsupportedValueTypes;
        return c;
    }
}
