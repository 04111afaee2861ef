package io.jresty.ngx.re;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PcreTranslatorTest {
    private static String java(String pcre, String options) throws RegexSyntaxError {
        return PcreTranslator.translate(pcre, RegexOptions.parse(options)).pattern();
    }

    @Test
    void namedGroupsBecomeNumberedAndKeepTheirNames() throws Exception {
        PcreTranslator.Translation t = PcreTranslator.translate("(?<a_1>x)(y)(?P<b>z)(?'c'w)\\k<b>(?P=a_1)",
                RegexOptions.NONE);
        assertThat(t.pattern()).isEqualTo("(x)(y)(z)(w)(?:\\3)(?:\\1)");
        assertThat(t.names()).containsExactly(null, "a_1", null, "b", "c");
        assertThat(t.groups()).isEqualTo(4);
    }

    @Test
    void lookaroundsAndNonCapturingGroupsAreNotCounted() throws Exception {
        PcreTranslator.Translation t = PcreTranslator.translate("(?:a)(?=b)(?!c)(?<=d)(?<!e)(?>f)(g)", RegexOptions.NONE);
        assertThat(t.pattern()).isEqualTo("(?:a)(?=b)(?!c)(?<=d)(?<!e)(?>f)(g)");
        assertThat(t.groups()).isEqualTo(1);
    }

    @Test
    void classesGetJavasEscapes() throws Exception {
        assertThat(java("[]a[&&][:x]", "")).isEqualTo("[\\]a\\x{5b}\\x{26}\\x{26}][:x]");
        assertThat(java("[[:alpha:][:^digit:][:word:]]", "")).isEqualTo("[\\p{Alpha}\\P{Digit}\\w]");
        assertThat(java("[ #]", "x")).isEqualTo("[\\x{20}\\x{23}]");
        assertThat(java("[\\b]", "")).isEqualTo("[\\x{8}]");
    }

    @Test
    void bracesThatAreNoQuantifierBecomeLiterals() throws Exception {
        assertThat(java("a{2}b{2,}c{1,3}", "")).isEqualTo("a{2}b{2,}c{1,3}");
        assertThat(java("a{,2}{x}{", "")).isEqualTo("a\\{,2}\\{x}\\{");
    }

    @Test
    void escapesAndVerbs() throws Exception {
        assertThat(java("(*UTF8)\\x41\\x{263A}\\101\\0\\N", "")).isEqualTo("\\x{41}\\x{263a}\\x{41}\\x{0}[^\\n]");
        assertThat(java("(a)\\1\\g{-1}\\g1", "")).isEqualTo("(a)(?:\\1)(?:\\1)(?:\\1)");
        assertThat(java("a(?#comment)b(*FAIL)", "")).isEqualTo("ab(?!)");
        assertThat(java("\\p{Greek}\\p{Lu}\\P{^L}", "")).isEqualTo("\\p{IsGreek}\\p{Lu}\\p{L}");
        assertThat(java("a # comment\nb", "x")).isEqualTo("a \nb");
    }

    @Test
    void whatJavaCannotDoIsACompileError() {
        for (String p : new String[] {"(?R)", "(a)(?1)", "(?&n)", "(?P>n)", "(?|a)", "(?(1)a)", "a\\Kb", "(?U)a",
            "(*COMMIT)", "\\k<nope>"}) {
            assertThatThrownBy(() -> java(p, "")).as(p).isInstanceOf(RegexSyntaxError.class);
        }
    }

    @Test
    void duplicateNamesNeedTheDOption() throws Exception {
        assertThatThrownBy(() -> java("(?<n>a)(?<n>b)", ""))
                .hasMessage("two named subpatterns have the same name");
        assertThat(PcreTranslator.translate("(?<n>a)(?<n>b)", RegexOptions.parse("D")).names())
                .containsExactly(null, "n", "n");
    }
}
