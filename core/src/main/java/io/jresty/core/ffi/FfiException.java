package io.jresty.core.ffi;

import org.luaj.vm2.LuaError;

/** A Lua error raised by the ffi subset, worded as LuaJIT's FFI words it. */
final class FfiException extends LuaError {
    FfiException(String message) {
        super(message);
    }

    /** Anything that needs native code: there is none behind jresty's ffi. */
    static FfiException noNative(String what) {
        return new FfiException(what + " is not supported: jresty runs on the JVM and has no native FFI"
                + " (its ffi is the data-only subset: structs, arrays, pointers and numbers)");
    }
}
