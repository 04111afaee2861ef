package io.jresty.ngx.re;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.luaj.vm2.LuaString;

/**
 * A sub/gsub replacement string: {@code $0}..{@code $N} and {@code ${N}} insert a group
 * (nothing when it did not match or does not exist), {@code $$} is a dollar sign. Any other
 * use of '$' makes the template invalid, as in lua-nginx-module.
 */
final class ReplacementTemplate {
    /** A literal run of bytes (group &lt; 0) or a group reference. */
    private record Part(byte[] literal, int group) {}

    private final List<Part> parts;

    private ReplacementTemplate(List<Part> parts) {
        this.parts = parts;
    }

    /** The template, or null when it does not compile. */
    static ReplacementTemplate parse(LuaString s) {
        List<Part> parts = new ArrayList<>();
        ByteArrayOutputStream literal = new ByteArrayOutputStream();
        int n = s.m_length;
        for (int i = 0; i < n; i++) {
            int c = s.luaByte(i);
            if (c != '$') {
                literal.write(c);
                continue;
            }
            if (i + 1 >= n) {
                return null;
            }
            int d = s.luaByte(i + 1);
            if (d == '$') {
                literal.write('$');
                i++;
                continue;
            }
            int j = i + 1;
            boolean braced = d == '{';
            if (braced) {
                j++;
            }
            int start = j;
            long group = 0;
            while (j < n && s.luaByte(j) >= '0' && s.luaByte(j) <= '9') {
                group = Math.min(Integer.MAX_VALUE, group * 10 + s.luaByte(j) - '0');
                j++;
            }
            if (j == start || (braced && (j >= n || s.luaByte(j) != '}'))) {
                return null;
            }
            if (literal.size() > 0) {
                parts.add(new Part(literal.toByteArray(), -1));
                literal.reset();
            }
            parts.add(new Part(null, (int) group));
            i = braced ? j : j - 1;
        }
        if (literal.size() > 0) {
            parts.add(new Part(literal.toByteArray(), -1));
        }
        return new ReplacementTemplate(parts);
    }

    void expand(RegexSearch search, ByteArrayOutputStream out) {
        Matcher m = search.matcher;
        for (Part p : parts) {
            if (p.group() < 0) {
                out.writeBytes(p.literal());
            } else if (p.group() <= search.regex.groups() && m.start(p.group()) >= 0) {
                LuaString g = search.subject.slice(m.start(p.group()), m.end(p.group()));
                out.write(g.m_bytes, g.m_offset, g.m_length);
            }
        }
    }
}
