package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

    private static PluginDocument parse(String json) throws DocumentException {
        return DocumentParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void classicDocumentKeepsDomainsAndPluginsInDocumentOrder() throws Exception {
        PluginDocument doc = parse(Documents.CLASSIC);

        assertThat(doc.enabled()).isTrue();
        assertThat(doc.skipDomains()).containsExactly("^skip\\.local\\.com$");
        assertThat(doc.domains()).extracting(PluginDocument.DomainSpec::name).containsExactly("dynamic.local.com", "*");
        assertThat(doc.domains().get(0).plugins())
                .extracting(PluginSpec::name, PluginSpec::phase)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dynamic content", "content"),
                        org.assertj.core.groups.Tuple.tuple("cors", "header_filter"),
                        org.assertj.core.groups.Tuple.tuple("auth", "access"));
        assertThat(doc.domains().get(0).plugins().get(0).code()).isEqualTo("ngx.say('hello')");
        assertThat(doc.domains().get(0).plugins().get(0).policy()).isEqualTo(PluginPolicy.DEFAULT);
        assertThat(doc.pluginCount()).isEqualTo(4);
    }

    @Test
    void roadmapDocumentResolvesPluginIdsNumericOrString() throws Exception {
        PluginDocument doc = parse(Documents.ROADMAP);

        assertThat(doc.domains().get(0).plugins()).extracting(PluginSpec::id).containsExactly("1", "2");
        assertThat(doc.domains().get(1).plugins()).extracting(PluginSpec::name).containsExactly("adding cors headers");
        assertThat(doc.domains().get(1).plugins().get(0)).isSameAs(doc.domains().get(0).plugins().get(1));
        assertThat(doc.domains().get(0).plugins().get(1).policy()).isEqualTo(new PluginPolicy(20, true, 503));
    }

    @Test
    void statusIsEnabledOnlyForTheExactString() throws Exception {
        assertThat(parse("{\"general\":{\"status\":\"Enabled\"},\"domains\":[]}").enabled()).isFalse();
        assertThat(parse("{\"general\":{\"status\":true},\"domains\":[]}").enabled()).isFalse();
        assertThat(parse("{\"domains\":[]}").enabled()).isFalse();
        assertThat(parse("{\"general\":{\"status\":\"enabled\"},\"domains\":[]}").enabled()).isTrue();
    }

    @Test
    void skipFlagAndUnknownPhaseAreKept() throws Exception {
        PluginDocument doc = parse("""
                {"general":{"status":"enabled"},"domains":[{"name":"*","plugins":[
                  {"name":"a","code":"","phase":"acess","skip":true}]}]}""");
        PluginSpec spec = doc.domains().get(0).plugins().get(0);
        assertThat(spec.skip()).isTrue();
        assertThat(spec.phase()).isEqualTo("acess");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no domains                  | {"general":{"status":"enabled"}}                                                 | no "domains" array
            domains not an array        | {"domains":{}}                                                                   | no "domains" array
            domain without plugins      | {"domains":[{"name":"a.com"}]}                                                   | domain a.com has no "plugins" array
            domain without name         | {"domains":[{"plugins":[]}]}                                                     | domain #1 has no "name" string
            code not a string           | {"domains":[{"name":"a.com","plugins":[{"name":"p","code":42,"phase":"access"}]}]} | domain a.com plugin #1 (p) has no "code" string
            code missing                | {"domains":[{"name":"a.com","plugins":[{"name":"p","phase":"access"}]}]}         | (p) has no "code" string
            phase missing               | {"domains":[{"name":"a.com","plugins":[{"name":"p","code":""}]}]}                | (p) has no "phase" string
            unknown plugin id           | {"domains":[{"name":"a.com","plugins":[7]}],"plugins":[]}                        | domain a.com refers to unknown plugin id 7
            id defined twice            | {"domains":[],"plugins":[{"id":1,"code":"","phase":"log"},{"id":1,"code":"","phase":"log"}]} | plugin id 1 is defined twice
            bad fail policy             | {"domains":[{"name":"a","plugins":[{"name":"p","code":"","phase":"log","fail":"maybe"}]}]} | "fail" other than "open" or "closed"
            bad budget                  | {"domains":[{"name":"a","plugins":[{"name":"p","code":"","phase":"log","budget_ms":-1}]}]} | "budget_ms" that is not a positive number
            bad allocation limit        | {"domains":[{"name":"a","plugins":[{"name":"p","code":"","phase":"log","alloc_mb":0}]}]} | "alloc_mb" that is not a positive number
            skip_domains not strings    | {"general":{"skip_domains":[1]},"domains":[]}                                    | "general.skip_domains" must be an array of strings
            """)
    void structuralErrorsRejectTheWholeDocumentWithAReason(String title, String json, String reason) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((DocumentException) e).invalidJson()).isFalse());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"domains": [
            not json at all
            []
            "a string"
            """)
    void undecodableOrNonObjectDocumentsAreInvalidJson(String body) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(DocumentException.class)
                .satisfies(e -> assertThat(((DocumentException) e).invalidJson()).isTrue());
    }
}
