package io.jresty.ngx.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** receiveuntil's matching does not depend on how the bytes were split by the network. */
class UntilReaderTest {
    private static String text(Received r) {
        if (r == UntilReader.DONE) {
            return "DONE";
        }
        return r.error() == null ? new String(r.data()) : r.error() + ":" + new String(r.partial());
    }

    private static List<String> readAll(UntilReader reader, int size, String... pieces) throws Exception {
        try (LoopbackPair pair = new LoopbackPair("k")) {
            pair.sendInPieces(pieces);
            List<String> out = new ArrayList<>();
            while (true) {
                Received r = reader.next(pair.connection, size, 2000);
                out.add(text(r));
                if (r.error() != null) {
                    return out;
                }
            }
        }
    }

    @Test
    void aPatternSplitAcrossReadsIsFoundAndSelfOverlapIsHandled() throws Exception {
        UntilReader reader = new UntilReader("--abc".getBytes(), false);
        assertThat(readAll(reader, 0, "one-", "--a", "bc", "two---abc", "tail--ab"))
                .containsExactly("one-", "two-", "closed:tail");
    }

    @Test
    void inclusiveKeepsThePattern() throws Exception {
        UntilReader reader = new UntilReader("\r\n".getBytes(), true);
        assertThat(readAll(reader, 0, "a\r", "\nb\r\n", "c")).containsExactly("a\r\n", "b\r\n", "closed:c");
    }

    @Test
    void sizedReadsHandOutPiecesThenDoneThenStartOver() throws Exception {
        UntilReader reader = new UntilReader("|".getBytes(), false);
        assertThat(readAll(reader, 3, "abcd", "efgh|ij|", "k"))
                .containsExactly("abc", "def", "gh", "DONE", "ij", "DONE", "closed:k");
    }

    @Test
    void sizedReadsReturnAnEmptyPieceWhenThePatternFollowsAFullOne() throws Exception {
        UntilReader reader = new UntilReader("|".getBytes(), false);
        assertThat(readAll(reader, 2, "ab|cd")).containsExactly("ab", "", "DONE", "cd", "closed:");
    }
}
