package io.jresty.ngx.api;

import io.jresty.ngx.NgxEnvironment;
import org.luaj.vm2.LuaTable;

/** One area of the ngx API (output, req, shared dict, ...), installed into a worker's ngx table. */
public interface NgxArea {
    void install(LuaTable ngx, NgxEnvironment env);
}
