package io.jresty.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** %.14g as C defines it, checked on values whose decimal expansion is known exactly. */
class LuaNumberFormatTest {
    @Test
    void integralValuesBelow1e14PrintAllDigitsAndNoPoint() {
        for (long v : new long[] {0, 1, -1, 42, 2147483648L, 99999999999999L, -99999999999999L}) {
            assertThat(LuaNumberFormat.format(v)).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void fifteenSignificantDigitsAndMoreSwitchToAnExponent() {
        assertThat(LuaNumberFormat.format(1e14)).isEqualTo("1e+14");
        assertThat(LuaNumberFormat.format(Math.pow(2, 53))).isEqualTo("9.007199254741e+15");
        assertThat(LuaNumberFormat.format(-1e308 * 10)).isEqualTo("-inf");
    }

    @Test
    void fractionsKeepFourteenSignificantDigits() {
        assertThat(LuaNumberFormat.format(1.0 / 3)).isEqualTo("0.33333333333333");
        assertThat(LuaNumberFormat.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(LuaNumberFormat.format(1e-5)).isEqualTo("1e-05");
        assertThat(LuaNumberFormat.format(0.0001)).isEqualTo("0.0001");
    }

    @Test
    void exactTiesRoundAwayFromZeroAsLuaJitDoes() {
        // 123456789012345 has 15 digits; the 15th is an exact tie
        assertThat(LuaNumberFormat.format(123456789012345.0)).isEqualTo("1.2345678901235e+14");
        assertThat(CNumberFormat.fixed(2.5, 0, false)).isEqualTo("3");
    }

    @Test
    void negativeZeroAndNanKeepLuaJitSpellings() {
        assertThat(LuaNumberFormat.format(-0.0)).isEqualTo("-0");
        assertThat(LuaNumberFormat.format(Double.NaN)).isEqualTo("nan");
        assertThat(LuaNumberFormat.isInteger(-0.0)).isFalse();
        assertThat(LuaNumberFormat.isInteger(0.0)).isTrue();
    }
}
