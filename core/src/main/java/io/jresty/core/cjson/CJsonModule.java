package io.jresty.core.cjson;

import org.luaj.vm2.Globals;

/** lua-cjson ("cjson" and "cjson.safe") on Jackson, registered in package.preload. */
public final class CJsonModule {
    private CJsonModule() {}

    public static void preload(Globals g) {
    }
}
