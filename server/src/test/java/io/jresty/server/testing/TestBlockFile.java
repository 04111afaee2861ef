package io.jresty.server.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a data-driven test file: blocks start with "=== TEST n: title", sections with
 * "--- name" (value on the following lines) or "--- name: value" (inline). A block value ends
 * with a newline unless the section line says "chomp"; trailing blank lines are dropped.
 */
public final class TestBlockFile {
    private static final Pattern BLOCK = Pattern.compile("^=== TEST (\\d+): (.*)$");
    private static final Pattern SECTION = Pattern.compile("^--- ([a-z_]+)(?:(:)\\s*(.*)|\\s+(\\S.*))?$");

    private TestBlockFile() {}

    public static List<TestBlock> parse(String file, String text) {
        List<TestBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && !BLOCK.matcher(lines[i]).matches()) {
            i++;
        }
        while (i < lines.length) {
            Matcher b = BLOCK.matcher(lines[i]);
            if (!b.matches()) {
                i++;
                continue;
            }
            int number = Integer.parseInt(b.group(1));
            String title = b.group(2).trim();
            Map<String, String> sections = new LinkedHashMap<>();
            i++;
            while (i < lines.length && !BLOCK.matcher(lines[i]).matches()) {
                Matcher s = SECTION.matcher(lines[i]);
                if (!s.matches()) {
                    i++;
                    continue;
                }
                String name = s.group(1);
                if (s.group(2) != null) {
                    sections.put(name, s.group(3).trim());
                    i++;
                    continue;
                }
                boolean chomp = "chomp".equals(s.group(4));
                i++;
                List<String> value = new ArrayList<>();
                while (i < lines.length && !lines[i].startsWith("--- ") && !BLOCK.matcher(lines[i]).matches()) {
                    value.add(lines[i]);
                    i++;
                }
                while (!value.isEmpty() && value.getLast().isBlank()) {
                    value.removeLast();
                }
                String joined = String.join("\n", value);
                sections.put(name, chomp || value.isEmpty() ? joined : joined + "\n");
            }
            blocks.add(new TestBlock(file, number, title, sections));
        }
        return blocks;
    }
}
