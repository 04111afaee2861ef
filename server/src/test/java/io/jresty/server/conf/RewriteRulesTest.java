package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** return, rewrite, set and if arguments; each expectation is nginx 1.22's answer to the same line. */
class RewriteRulesTest {
    @TempDir
    Path dir;

    static Stream<Arguments> lines() {
        return Stream.of(
            Arguments.of("set a 1;", "invalid variable name \"a\""),
            Arguments.of("set $ 1;", "invalid variable name \"$\""),
            Arguments.of("set $a$b 1;", "OK"),
            Arguments.of("set ${a} 1;", "OK"),
            Arguments.of("set $a.b 1;", "OK"),
            Arguments.of("return 999;", "OK"),
            Arguments.of("return 1000;", "invalid return code \"1000\""),
            Arguments.of("return abc;", "invalid return code \"abc\""),
            Arguments.of("return 200 x;", "OK"),
            Arguments.of("return x y;", "invalid return code \"x\""),
            Arguments.of("return http://x;", "OK"),
            Arguments.of("return https://x;", "OK"),
            Arguments.of("return $scheme://x;", "OK"),
            Arguments.of("return 301 /x;", "OK"),
            Arguments.of("return 0;", "OK"),
            Arguments.of("return -1;", "invalid return code \"-1\""),
            Arguments.of("return 20a;", "invalid return code \"20a\""),
            Arguments.of("return http://x y;", "invalid return code \"http://x\""),
            Arguments.of("rewrite ^ /x bogus;", "invalid parameter \"bogus\""),
            Arguments.of("rewrite ^ /x last;", "OK"),
            Arguments.of("rewrite ^ /x permanent;", "OK"),
            Arguments.of("if ($uri) {}", "OK"),
            Arguments.of("if (a) {}", "invalid condition \"a\""),
            Arguments.of("if ($uri = a) {}", "OK"),
            Arguments.of("if ($uri == a) {}", "unexpected \"==\" in condition"),
            Arguments.of("if ($uri !~* a) {}", "OK"),
            Arguments.of("if ($uri != a) {}", "OK"),
            Arguments.of("if ( $uri ) {}", "OK"),
            Arguments.of("if ($uri ) {}", "OK"),
            Arguments.of("if (-f $uri) {}", "OK"),
            Arguments.of("if (!-f $uri) {}", "OK"),
            Arguments.of("if (-z x) {}", "invalid condition \"-z\""),
            Arguments.of("if ($uri = a b) {}", "invalid condition \"$uri\""),
            Arguments.of("if (-f) {}", "invalid condition \"-f\""),
            Arguments.of("if (!-q x) {}", "invalid condition \"!-q\""),
            Arguments.of("if (-f a b) {}", "invalid condition \"-f\""),
            Arguments.of("if ($uri {}", "invalid condition \"$uri\""),
            Arguments.of("if $uri) {}", "invalid condition \"$uri)\""),
            Arguments.of("if () {}", "invalid condition \")\""),
            Arguments.of("if ($uri = ) {}", "invalid condition \"$uri\""),
            Arguments.of("if (\"$uri\" = a) {}", "invalid condition \"\"$uri\"\""),
            Arguments.of("if ($uri a) {}", "invalid condition \"$uri\""),
            Arguments.of("if ( ) {}", "invalid condition \")\""),
            Arguments.of("if (!$uri) {}", "invalid condition \"!$uri\""),
            Arguments.of("if ( ( ) {}", "invalid condition \"(\""),
            Arguments.of("if ($ ) {}", "invalid condition \"$\""),
            Arguments.of("if ((  $uri)) {}", "invalid condition \"(\""),
            Arguments.of("if ('') {}", "invalid condition \"''\""),
            Arguments.of("if (\"\" ) {}", "invalid condition \"\"\"\""),
            Arguments.of("if ( \"\" ) {}", "invalid condition \"\""),
            Arguments.of("if ($uri \"=\" a) {}", "OK"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("lines")
    void checksAsTheRewriteModule(String line, String expected) {
        String message = Confs.error(dir, "events {}\nhttp { server { " + line + " } }\n");
        assertThat(message).isEqualTo(expected.equals("OK") ? "OK" : expected + " in D/nginx.conf:2");
    }
}
