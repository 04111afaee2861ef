package io.jresty.ngx.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.ngx.testing.LuaCases;
import io.jresty.ngx.testing.NgxLua;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NgxCodecTest {
    @TestFactory
    Stream<DynamicTest> codecCasesPrintWhatNginxPrinted() {
        return LuaCases.tests(getClass(), "codec.cases", NgxLua::create);
    }

    @Test
    void binaryStringsRoundTripThroughBase64AndEscapesByteForByte() {
        NgxLua lua = NgxLua.create();
        String out = lua.run("""
                local all = {}
                for b = 0, 255 do all[#all + 1] = string.char(b) end
                local s = table.concat(all)
                say(ngx.decode_base64(ngx.encode_base64(s)) == s)
                say(ngx.unescape_uri(ngx.escape_uri(s)) == s)
                say(#ngx.escape_uri(s), " ", #ngx.md5_bin(s), " ", ngx.crc32_long(s))
                """);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (int b = 0; b < 256; b++) {
            crc.update(b);
        }
        // 71 bytes stay as they are in a component (letters, digits and !'()*-._~), the other 185 take three
        assertThat(out).isEqualTo("true\ntrue\n" + (71 + 185 * 3) + " 16 " + crc.getValue() + "\n");
    }

    @Test
    void decodeArgsKeepsBinaryValues() {
        NgxLua lua = NgxLua.create();
        assertThat(lua.run("local t = ngx.decode_args('k=%FF%00%80') say(#t.k, ' ', t.k:byte(1), ' ', t.k:byte(3))"))
                .isEqualTo("3 255 128\n");
    }
}
