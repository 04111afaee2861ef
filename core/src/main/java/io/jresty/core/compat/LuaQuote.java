package io.jresty.core.compat;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaString;

/** string.format's %q as LuaJIT writes it: control bytes as decimal escapes, newline as backslash-newline. */
final class LuaQuote {
    private LuaQuote() {}

    static byte[] quote(LuaString s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.m_length + 2);
        out.write('"');
        int end = s.m_offset + s.m_length;
        for (int i = s.m_offset; i < end; i++) {
            int c = s.m_bytes[i] & 0xff;
            if (c == '"' || c == '\\' || c == '\n') {
                out.write('\\');
                out.write(c);
            } else if (c < 32 || c == 127) {
                boolean digitFollows = i + 1 < end && s.m_bytes[i + 1] >= '0' && s.m_bytes[i + 1] <= '9';
                // a following digit would be read as part of the escape: write all three digits then
                String code = digitFollows ? String.format("%03d", c) : Integer.toString(c);
                out.write('\\');
                out.writeBytes(code.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            } else {
                out.write(c);
            }
        }
        out.write('"');
        return out.toByteArray();
    }
}
