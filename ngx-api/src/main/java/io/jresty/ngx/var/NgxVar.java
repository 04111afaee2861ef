package io.jresty.ngx.var;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.request.NgxRequest;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;

/** ngx.var: nginx variables of the current request, read and written by name ($1..$9 by number). */
public final class NgxVar implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable var = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.set("__index", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key) {
                String name = key instanceof LuaString s ? VarNames.resolve(s).readName()
                        : key.isnumber() ? String.valueOf(key.toint()) : key.checkjstring();
                String value = request().variable(name);
                return value == null ? NIL : VarValues.lua(value);
            }
        });
        meta.set("__newindex", new ThreeArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key, LuaValue value) {
                String name = key instanceof LuaString s ? VarNames.resolve(s).text() : key.checkjstring();
                String text;
                if (value.isnil()) {
                    text = null;
                } else if (value.isstring()) {
                    text = value.tojstring();
                } else {
                    throw new ApiError("bad variable value");
                }
                String error = request().setVariable(name, text);
                if (error != null) {
                    throw new ApiError(error);
                }
                return NONE;
            }
        });
        var.setmetatable(meta);
        ngx.set("var", var);
    }

    private static NgxRequest request() {
        NgxContext ctx = NgxContext.current();
        if (ctx == null || ctx.request() == null) {
            throw new ApiError("no request object found");
        }
        return ctx.request();
    }
}
