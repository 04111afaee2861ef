package io.jresty.ngx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Data-driven Lua cases in the Test::Nginx spirit: a resource file of blocks
 * {@code === TEST n: title}, {@code --- lua} (the snippet) and {@code --- out} (what it prints
 * through say/show). Positions in error messages ("snippet:12: ", "/usr/share/lua/5.1/resty/core/shdict.lua:490: ")
 * are ignored, because lua-nginx-module raises some errors from Lua and some from C.
 */
public final class LuaCases {
    private LuaCases() {}

    /** One block of a case file. */
    public record Case(String file, String title, String lua, String out) {}

    public static List<Case> parse(String file, String text) {
        List<Case> cases = new ArrayList<>();
        String title = null;
        String section = null;
        StringBuilder lua = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (String line : (text + "\n=== END").split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (title != null) {
                    cases.add(new Case(file, title, lua.toString(), trimEnd(out.toString())));
                }
                title = line.substring(4).trim();
                section = null;
                lua.setLength(0);
                out.setLength(0);
            } else if (line.startsWith("--- ")) {
                section = line.substring(4).trim();
            } else if ("lua".equals(section)) {
                lua.append(line).append('\n');
            } else if ("out".equals(section)) {
                out.append(line).append('\n');
            }
        }
        return cases;
    }

    /** One dynamic test per block of the resource, each in a fresh Lua state from the factory. */
    public static Stream<DynamicTest> tests(Class<?> owner, String resource, Supplier<NgxLua> factory) {
        String text;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return parse(resource, text).stream().map(c -> DynamicTest.dynamicTest(resource + ": " + c.title(), () -> {
            String actual = factory.get().run(c.lua());
            assertThat(normalize(trimEnd(actual))).as(c.title()).isEqualTo(normalize(c.out()));
        }));
    }

    static String normalize(String s) {
        // a C function called through pcall is named '?' by LuaJIT, by its name when called directly
        return s.replaceAll("snippet:\\d+:? ", "").replaceAll("[^ \"]*\\.lua:\\d+: ", "").replaceAll("to '[a-z_0-9]+' \\(", "to '?' (");
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(0, end);
    }
}
