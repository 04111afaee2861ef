package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Times, sizes and buffers as nginx 1.22 accepts them (each row checked with nginx -t). */
class ConfValuesTest {
    @ParameterizedTest(name = "\"{0}\": ms {1}, s {2}")
    @CsvSource(delimiter = '|', value = {
        "1 2|true|true", "1s 2|true|true", "1s2|true|true", "2s1m|false|false", "1ms|true|false",
        "1y|false|true", "1M|false|true", "'5 '|true|true", "' 5'|true|true", "1h 30m|true|true",
        "1h30m|true|true", "s|false|false", "''|false|false", "1m 1m|false|false", "10 s|false|false",
        "1d1h1m1s1ms|true|false", "1w|true|true", "1s  2ms|true|false", "99999999999999999999|false|false",
        "0|true|true", "1h 2|true|true"})
    void timesReadAsNgxParseTime(String value, boolean msec, boolean sec) {
        assertThat(ConfValues.isTime(value, false)).as("msec").isEqualTo(msec);
        assertThat(ConfValues.isTime(value, true)).as("sec").isEqualTo(sec);
    }

    @ParameterizedTest(name = "\"{0}\": offset {1}, size {2}")
    @CsvSource(delimiter = '|', value = {"8k|true|true", "8g|true|false", "0|true|true", "8kb|false|false",
        "8 k|false|false", "1G|true|false"})
    void sizesTakeKAndMAndOffsetsAlsoG(String value, boolean offset, boolean size) {
        assertThat(ConfValues.isOffset(value)).isEqualTo(offset);
        assertThat(ConfValues.isSize(value)).isEqualTo(size);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {"4|8k|true", "0|8k|false", "4|0|false", "4|8g|false", "4|8K|true",
        "x|8k|false", "4|8|true", "4|8kk|false"})
    void buffersNeedACountAndASizeAboveZero(String count, String size, boolean ok) {
        assertThat(ConfValues.isBufs(count, size)).isEqualTo(ok);
    }

    @Test
    void sizeScalesByUnit() {
        assertThat(ConfValues.size("1m")).isEqualTo(1048576);
        assertThat(ConfValues.size("2K")).isEqualTo(2048);
        assertThat(ConfValues.size("x")).isEqualTo(-1);
    }
}
