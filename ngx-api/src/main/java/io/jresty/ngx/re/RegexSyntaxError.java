package io.jresty.ngx.re;

/** A pattern that cannot be compiled; the message is the text after "pcre_compile() failed: ". */
final class RegexSyntaxError extends Exception {
    /** Where in the pattern PCRE would report it, or -1. */
    final int offset;

    RegexSyntaxError(String message) {
        this(message, -1);
    }

    RegexSyntaxError(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }
}
