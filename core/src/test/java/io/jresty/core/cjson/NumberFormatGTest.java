package io.jresty.core.cjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NumberFormatGTest {
    @Test
    void formatsLikeCPrintf() {
        assertThat(NumberFormatG.format(0.1, 14)).isEqualTo("0.1");
        assertThat(NumberFormatG.format(1.0 / 3, 14)).isEqualTo("0.33333333333333");
        assertThat(NumberFormatG.format(2.5, 1)).isEqualTo("2");
        assertThat(NumberFormatG.format(0.0001, 14)).isEqualTo("0.0001");
        assertThat(NumberFormatG.format(0.00001, 14)).isEqualTo("1e-05");
        assertThat(NumberFormatG.format(-1e100, 14)).isEqualTo("-1e+100");
        assertThat(NumberFormatG.format(123456.0, 3)).isEqualTo("1.23e+05");
        assertThat(NumberFormatG.format(-0.0, 14)).isEqualTo("-0");
        assertThat(NumberFormatG.format(Double.MIN_VALUE, 14)).isEqualTo("4.9406564584125e-324");
        // exact ties round to even, as glibc does (LuaJIT's own string.format rounds them up)
        assertThat(NumberFormatG.format(3.5, 1)).isEqualTo("4");
        assertThat(NumberFormatG.format(0.25, 1)).isEqualTo("0.2");
        assertThat(NumberFormatG.format(192319.125, 8)).isEqualTo("192319.12");
    }

    /**
     * Random doubles of every magnitude, at every precision Debian's lua-cjson accepts, against
     * its encoder (glibc's printf; LuaJIT's string.format rounds ties differently).
     */
    @Test
    void agreesWithLuajitOnRandomDoubles() throws Exception {
        Path luajit = Path.of("/usr/bin/luajit");
        assumeTrue(Files.isExecutable(luajit), "no luajit");
        Random random = new Random(20261123);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> Math.round(random.nextDouble() * 1e6) / 1000.0;
                default -> (random.nextInt(2000) - 1000) / 8.0 + random.nextInt(1 << 20) * 0.5;
            };
            values.add(random.nextBoolean() ? d : -d);
        }
        for (int i = 0; i < 50; i++) {
            values.add(Double.MIN_NORMAL * random.nextDouble());
        }
        StringBuilder lua = new StringBuilder("local cjson = require 'cjson' "
                + "for line in io.lines() do local x = tonumber(line) local out = {} "
                + "for p = 1, 14 do cjson.encode_number_precision(p) out[p] = cjson.encode(x) end "
                + "print(table.concat(out, ' ')) end");
        Process p = new ProcessBuilder(luajit.toString(), "-e", lua.toString()).start();
        StringBuilder input = new StringBuilder();
        for (double d : values) {
            input.append(Double.toString(d)).append('\n');
        }
        p.getOutputStream().write(input.toString().getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            String[] expected = lines[i].split(" ");
            for (int precision = 1; precision <= 14; precision++) {
                assertThat(NumberFormatG.format(values.get(i), precision))
                        .as("%s at precision %d", values.get(i), precision)
                        .isEqualTo(expected[precision - 1]);
            }
        }
    }
}
