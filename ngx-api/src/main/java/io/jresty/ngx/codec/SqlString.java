package io.jresty.ngx.codec;

import java.io.ByteArrayOutputStream;

/** ngx.quote_sql_str: a MySQL string literal, quoted and escaped as lua-nginx-module does. */
final class SqlString {
    private SqlString() {}

    static byte[] quote(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 8);
        out.write('\'');
        for (byte b : in) {
            int escape = switch (b) {
                case 0 -> '0';
                case '\b' -> 'b';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                case 26 -> 'Z';
                case '\\', '\'', '"' -> b;
                default -> -1;
            };
            if (escape < 0) {
                out.write(b);
            } else {
                out.write('\\');
                out.write(escape);
            }
        }
        out.write('\'');
        return out.toByteArray();
    }
}
