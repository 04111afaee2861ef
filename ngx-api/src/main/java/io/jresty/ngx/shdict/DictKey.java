package io.jresty.ngx.shdict;

import java.util.Arrays;

/** A shared-dict key: the bytes of a Lua string, compared by content. */
record DictKey(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
        return o instanceof DictKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
