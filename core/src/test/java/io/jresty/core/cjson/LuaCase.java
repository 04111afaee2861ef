package io.jresty.core.cjson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of a cjson spec file: a Lua snippet and what it prints. {@code openresty} marks a
 * case that relies on OpenResty's lua-cjson additions, which Debian's lua-cjson 2.1.0 lacks.
 */
record LuaCase(String file, String title, String lua, String out, boolean openresty) {

    static List<LuaCase> load(String resource) throws IOException {
        String text;
        try (InputStream in = LuaCase.class.getResourceAsStream("/cjson/" + resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<LuaCase> cases = new ArrayList<>();
        String title = null;
        StringBuilder lua = new StringBuilder();
        StringBuilder out = new StringBuilder();
        StringBuilder section = null;
        boolean openresty = false;
        for (String line : (text + "\n=== end").split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (title != null) {
                    cases.add(new LuaCase(resource, title, lua.toString(), out.toString().stripTrailing() + "\n",
                            openresty));
                }
                title = line.substring(4).trim();
                lua.setLength(0);
                out.setLength(0);
                section = null;
                openresty = false;
            } else if (line.equals("--- lua")) {
                section = lua;
            } else if (line.equals("--- out")) {
                section = out;
            } else if (line.equals("--- openresty")) {
                openresty = true;
            } else if (section != null) {
                section.append(line).append('\n');
            }
        }
        return cases;
    }

    /** Table addresses differ between runs and VMs. */
    static String normalise(String printed) {
        return printed.replaceAll("table: (0x)?[0-9a-f]+\\b", "table: X");
    }
}
