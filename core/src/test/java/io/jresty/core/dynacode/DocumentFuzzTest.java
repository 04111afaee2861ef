package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin document parser against random and mutated documents (fixed seeds, so a failure
 * replays): every input either parses into a well-formed document or is rejected with
 * DocumentException and a reason a person can act on; nothing else escapes, nothing hangs.
 */
class DocumentFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A structural reason names the part of the document at fault. */
    private static final Pattern STRUCTURE_REASON =
            Pattern.compile("domain|plugin|\"general\\.skip_domains\"|the document");
    private static final long SLOWEST_PARSE_NANOS = 2_000_000_000L;

    private static final byte[][] SEEDS = {
            Documents.CLASSIC.getBytes(StandardCharsets.UTF_8),
            Documents.ROADMAP.getBytes(StandardCharsets.UTF_8)};

    /** What one parse did: a document, a rejection, or (a failure of the test) anything else. */
    private record Verdict(PluginDocument document, DocumentException rejection) {}

    private static Verdict judge(byte[] input) {
        long start = System.nanoTime();
        Verdict v;
        try {
            v = new Verdict(DocumentParser.parse(input), null);
        } catch (DocumentException e) {
            v = new Verdict(null, e);
        } catch (Throwable t) {
            throw new AssertionError("parser let " + t + " escape for input: " + show(input), t);
        }
        long took = System.nanoTime() - start;
        assertThat(took).as("parse time for " + show(input)).isLessThan(SLOWEST_PARSE_NANOS);
        if (v.document() != null) {
            wellFormed(v.document(), input);
        } else {
            clearReason(v.rejection(), input);
        }
        return v;
    }

    private static void wellFormed(PluginDocument doc, byte[] input) {
        assertThat(doc.skipDomains()).as(show(input)).doesNotContainNull();
        for (PluginDocument.DomainSpec d : doc.domains()) {
            assertThat(d.name()).as(show(input)).isNotNull();
            for (PluginSpec p : d.plugins()) {
                assertThat(p.code()).as(show(input)).isNotNull();
                assertThat(p.phase()).as(show(input)).isNotNull();
                assertThat(p.policy()).as(show(input)).isNotNull();
                assertThat(p.policy().failStatus()).isBetween(100, 599);
            }
        }
    }

    private static void clearReason(DocumentException e, byte[] input) {
        String reason = e.getMessage();
        assertThat(reason).as("reason for " + show(input)).isNotBlank().doesNotContain("\n")
                .doesNotContain("Exception").doesNotContain("com.fasterxml");
        if (e.invalidJson()) {
            assertThat(reason).as(show(input)).matches("invalid JSON: .+|the document is not a JSON object");
        } else {
            assertThat(STRUCTURE_REASON.matcher(reason).find()).as("\"" + reason + "\" names what is wrong").isTrue();
        }
    }

    private static String show(byte[] input) {
        String text = new String(input, 0, Math.min(input.length, 300), StandardCharsets.UTF_8);
        return input.length > 300 ? text + "...(" + input.length + " bytes)" : text;
    }

    @Test
    void mutatedBytesOfValidDocumentsAreParsedOrRejectedWithAReason() {
        Random random = new Random(0x5EED_0001L);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] input = ByteMutations.mutate(SEEDS[random.nextInt(SEEDS.length)], random);
            if (judge(input).document() != null) {
                parsed++;
            } else {
                rejected++;
            }
        }
        // the mutations must reach both outcomes, or the test proves little
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    @Test
    void structurallyMutatedDocumentsAreParsedOrRejectedWithAReason() throws Exception {
        Random random = new Random(0x5EED_0002L);
        int structural = 0;
        for (int i = 0; i < 3_000; i++) {
            JsonNode tree = JSON.readTree(SEEDS[random.nextInt(SEEDS.length)]);
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                tree = replaceSomeNode(tree, random);
            }
            Verdict v = judge(JSON.writeValueAsBytes(tree));
            if (v.rejection() != null && !v.rejection().invalidJson()) {
                structural++;
            }
        }
        assertThat(structural).as("structural rejections reached").isGreaterThan(100);
    }

    @Test
    void randomJsonValuesAreParsedOrRejectedWithAReason() throws Exception {
        Random random = new Random(0x5EED_0003L);
        for (int i = 0; i < 2_000; i++) {
            judge(JSON.writeValueAsBytes(randomValue(random, 0)));
        }
    }

    @Test
    void pathologicalInputsAreRejectedQuickly() {
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        inputs.add("   ".getBytes(StandardCharsets.UTF_8));
        inputs.add("[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        inputs.add(("{\"domains\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8));
        inputs.add(("{\"domains\":[],\"x\":" + "9".repeat(2_000_000) + "}").getBytes(StandardCharsets.UTF_8));
        inputs.add(("{\"domains\":[],\"x\":\"" + "a".repeat(30_000_000)).getBytes(StandardCharsets.UTF_8));
        inputs.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        inputs.add(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        inputs.add("{\"domains\":[{\"name\":\"a\",\"plugins\":[\"1\"]}],\"plugins\":[{\"id\":1,\"code\":\"\",\"phase\":\"x\"},{\"id\":\"1\",\"code\":\"\",\"phase\":\"x\"}]}"
                .getBytes(StandardCharsets.UTF_8));
        inputs.add("{\"domains\":[{\"name\":\"a\",\"plugins\":[{\"code\":\"\",\"phase\":\"x\",\"budget_ms\":1e400}]}]}"
                .getBytes(StandardCharsets.UTF_8));
        inputs.add("{\"domains\":[{\"name\":\"a\",\"plugins\":[{\"code\":\"\",\"phase\":\"x\",\"fail_status\":99999999999999999999}]}]}"
                .getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[64 * 1024];
        new Random(0x5EED_0004L).nextBytes(noise);
        inputs.add(noise);
        for (byte[] input : inputs) {
            Verdict v = judge(input);
            if (v.document() != null && input.length > 0 && input[0] == '[') {
                fail("an array document parsed: " + show(input));
            }
        }
    }

    /** The tree with one node somewhere (the root itself included) replaced, removed or duplicated. */
    private static JsonNode replaceSomeNode(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || random.nextInt(50) == 0) {
            return randomValue(random, 0);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue(random, 0));
                default -> object.set(name + "_", object.get(name).deepCopy());
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            int at = random.nextInt(array.size());
            switch (random.nextInt(3)) {
                case 0 -> array.remove(at);
                case 1 -> array.set(at, randomValue(random, 0));
                default -> array.add(array.get(at).deepCopy());
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    /** A random JSON value, biased toward the words a plugin document uses. */
    private static JsonNode randomValue(Random random, int depth) {
        int kind = depth > 5 ? random.nextInt(6) : random.nextInt(9);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(1_000) - 100);
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 4 -> NODES.numberNode(new java.math.BigInteger(100, random));
            case 5 -> NODES.textNode(word(random));
            case 6, 7 -> {
                ObjectNode o = NODES.objectNode();
                for (int n = random.nextInt(5); n > 0; n--) {
                    o.set(word(random), randomValue(random, depth + 1));
                }
                yield o;
            }
            default -> {
                ArrayNode a = NODES.arrayNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    a.add(randomValue(random, depth + 1));
                }
                yield a;
            }
        };
    }

    private static final List<String> WORDS = Arrays.asList("general", "status", "enabled", "skip_domains",
            "domains", "name", "plugins", "id", "code", "phase", "skip", "budget_ms", "fail", "fail_status",
            "open", "closed", "content", "access", "*", "1", "", "ngx.say('x')", "\u0000", "é", "\uD83D\uDE00");

    private static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }
}
