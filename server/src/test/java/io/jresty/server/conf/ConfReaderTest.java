package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nginx's tokenizer rules, word by word. */
class ConfReaderTest {
    private static List<Statement> read(String text) throws ConfException {
        ConfReader reader = new ConfReader(text, Path.of("/c/nginx.conf"));
        List<Statement> out = new ArrayList<>();
        Statement st;
        do {
            st = reader.next();
            out.add(st);
        } while (st.end() != Statement.End.FILE_END);
        return out;
    }

    private static List<String> words(String text) throws ConfException {
        return read(text).get(0).words();
    }

    @Test
    void splitsWordsOnBlanksAndEndsAtSemicolon() throws ConfException {
        List<Statement> sts = read("a  b\tc\r\nd;");
        assertThat(sts.get(0).words()).containsExactly("a", "b", "c", "d");
        assertThat(sts.get(0).end()).isEqualTo(Statement.End.SEMICOLON);
        assertThat(sts.get(0).line()).isEqualTo(2);
    }

    @Test
    void doubleAndSingleQuotesKeepBlanksAndSemicolons() throws ConfException {
        assertThat(words("a \"b c;d\" 'e {f}';")).containsExactly("a", "b c;d", "e {f}");
    }

    @Test
    void emptyQuotedStringIsAWord() throws ConfException {
        assertThat(words("a \"\" '';")).containsExactly("a", "", "");
    }

    @Test
    void escapesResolveAsNginxDoes() throws ConfException {
        assertThat(words("a \"q\\\"q\" 's\\'s' \"b\\\\s\" \"t\\tr\\rn\\n\" \"x\\y\";"))
            .containsExactly("a", "q\"q", "s's", "b\\s", "t\tr\rn\n", "x\\y");
    }

    @Test
    void backslashProtectsAnyCharacterButOnlyKnownEscapesLoseTheirBackslash() throws ConfException {
        assertThat(words("a b\\ c d\\;e \\\"f;")).containsExactly("a", "b\\ c", "d\\;e", "\"f");
    }

    @Test
    void hashStartsACommentOnlyAtAWordStart() throws ConfException {
        List<Statement> sts = read("# note ; {\na b#c; # tail }\nd;");
        assertThat(sts.get(0).words()).containsExactly("a", "b#c");
        assertThat(sts.get(1).words()).containsExactly("d");
        assertThat(sts.get(1).line()).isEqualTo(3);
    }

    @Test
    void closingBraceInsideABareWordBelongsToTheWord() throws ConfException {
        assertThat(words("a b}c;")).containsExactly("a", "b}c");
    }

    @Test
    void dollarBraceDoesNotOpenABlock() throws ConfException {
        List<Statement> sts = read("set $a ${b}c;");
        assertThat(sts.get(0).words()).containsExactly("set", "$a", "${b}c");
        assertThat(sts.get(0).end()).isEqualTo(Statement.End.SEMICOLON);
    }

    @Test
    void braceAfterAWordOpensABlock() throws ConfException {
        List<Statement> sts = read("location /a{ }");
        assertThat(sts.get(0).words()).containsExactly("location", "/a");
        assertThat(sts.get(0).end()).isEqualTo(Statement.End.BLOCK_START);
        assertThat(sts.get(1).end()).isEqualTo(Statement.End.BLOCK_END);
    }

    @Test
    void parenthesisAfterAQuotedWordStartsTheNextWord() throws ConfException {
        assertThat(words("if ($a = \"b\") {")).containsExactly("if", "($a", "=", "b", ")");
    }

    @Test
    void quoteInsideABareWordIsAnOrdinaryCharacter() throws ConfException {
        assertThat(words("a b\"c\";")).containsExactly("a", "b\"c\"");
    }

    @Test
    void lineIsTheLineOfTheTerminator() throws ConfException {
        Statement st = read("root\n\"a\nb\"\nx\n;").get(0);
        assertThat(st.words()).containsExactly("root", "a\nb", "x");
        assertThat(st.line()).isEqualTo(5);
    }

    @Test
    void unterminatedQuoteFailsAtEndOfFile() {
        assertThatThrownBy(() -> read("a 'b;\n\n"))
            .hasMessage("unexpected end of file, expecting \";\" or \"}\" in /c/nginx.conf:3");
    }

    @Test
    void characterRightAfterAClosingQuoteFails() {
        assertThatThrownBy(() -> read("a \"b\"c;")).hasMessage("unexpected \"c\" in /c/nginx.conf:1");
    }
}
