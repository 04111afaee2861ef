package io.jresty.core.cjson;

import org.luaj.vm2.LuaUserdata;

/** A light userdata as lua-cjson pushes {@code cjson.empty_array}: a fixed address, equal only to itself. */
final class JsonSentinel extends LuaUserdata {
    private final String text;

    JsonSentinel(String text) {
        // LuaUserdata.raweq calls m_instance.equals, so the instance must not be null.
        super(new Object());
        this.text = text;
    }

    @Override
    public String tojstring() {
        return "userdata: " + text;
    }
}
