package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated confs: the parser either returns directives or throws ConfException
 * with "in file:line" — never another exception, never a hang.
 */
class ConfFuzzTest {
    private static final int ITERATIONS = 3000;
    private static final String ALPHABET = "{};\"'#\\$()[]=-\n \tabcdefghijklmnopqrstuvwxyz_/*?.0123456789";

    @TempDir
    Path dir;

    /** Every conf error names a file of the conf directory and a line, but the one about events. */
    private java.util.regex.Pattern located;

    @org.junit.jupiter.api.BeforeEach
    void pattern() {
        located = java.util.regex.Pattern.compile("(?s).* in " + java.util.regex.Pattern.quote(
            dir.toAbsolutePath().toString()) + "/.*:\\d+|no \"events\" section in configuration");
    }

    @Test
    void mutatedCorpusOnlyEverFailsWithConfException() {
        Random random = new Random(7L);
        int[] failed = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                String conf = Corpus.mutate(Corpus.CONFS.get(i % Corpus.CONFS.size()), random);
                failed[0] += parseOrConfException(conf) ? 0 : 1;
            }
        });
        // the mutations must exercise both outcomes, or the test proves little
        assertThat(failed[0]).isBetween(ITERATIONS / 10, ITERATIONS - ITERATIONS / 20);
    }

    @Test
    void randomTextOnlyEverFailsWithConfException() {
        Random random = new Random(11L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                StringBuilder text = new StringBuilder("events {} ");
                int length = random.nextInt(200);
                for (int k = 0; k < length; k++) {
                    text.append(random.nextInt(8) == 0
                        ? " " + randomName(random) + " "
                        : String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))));
                }
                parseOrConfException(text.toString());
            }
        });
    }

    @Test
    void luaBlocksWithRandomBodiesOnlyEverFailWithConfException() {
        Random random = new Random(13L);
        String lua = "{}[]=-\"'\\\n x";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                StringBuilder body = new StringBuilder();
                int length = random.nextInt(60);
                for (int k = 0; k < length; k++) {
                    body.append(lua.charAt(random.nextInt(lua.length())));
                }
                parseOrConfException("events {}\nhttp { init_by_lua_block {" + body + "} }\n");
            }
        });
    }

    private static String randomName(Random random) {
        var names = DirectiveTable.all().stream().flatMap(java.util.List::stream).toList();
        return names.get(random.nextInt(names.size())).name();
    }

    /** True when the conf parsed; false when it failed as a conf error should. */
    private boolean parseOrConfException(String conf) {
        try {
            ConfParser.parse(dir.resolve("nginx.conf"), conf);
            return true;
        } catch (ConfException e) {
            if (!located.matcher(e.getMessage()).matches()) {
                assertThat(e.getMessage()).as("for conf:\n%s", conf).matches(located.pattern());
            }
            return false;
        }
    }
}
