package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostMatchingTest {
    private final Snapshots snapshots = new Snapshots();

    @Test
    void aDomainNameIsAnUnanchoredRegexSoDotsMatchAnything() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.single("dynamic.local.com", "p", "access", ""));

        assertThat(s.pluginsFor("dynamic.local.com", "access")).hasSize(1);
        assertThat(s.pluginsFor("a.dynamicXlocalYcom.example", "access")).hasSize(1);
        assertThat(s.pluginsFor("dynamic.local.org", "access")).isEmpty();
    }

    @Test
    void theRegexIsCaseSensitiveAndTheHostIsLowercased() throws Exception {
        PluginSnapshot upper = snapshots.build(Documents.single("EDGE.local.com", "p", "access", ""));
        PluginSnapshot lower = snapshots.build(Documents.single("edge.local.com", "p", "access", ""));

        assertThat(upper.pluginsFor("edge.local.com", "access")).isEmpty();
        assertThat(upper.pluginsFor("EDGE.local.com", "access")).isEmpty();
        assertThat(lower.pluginsFor("EDGE.Local.COM", "access")).hasSize(1);
    }

    @Test
    void starMatchesEveryHostAndEveryMatchingDomainContributesInDocumentOrder() throws Exception {
        PluginSnapshot s = snapshots.build("""
                {"general":{"status":"enabled"},"domains":[
                  {"name":"*","plugins":[{"name":"star-1","code":"","phase":"access"}]},
                  {"name":"shop\\\\.example","plugins":[
                     {"name":"shop-1","code":"","phase":"access"},
                     {"name":"shop-log","code":"","phase":"log"},
                     {"name":"shop-2","code":"","phase":"access"}]},
                  {"name":"*","plugins":[{"name":"star-2","code":"","phase":"access"}]}]}""");

        assertThat(s.pluginsFor("shop.example", "access")).extracting(Plugin::name)
                .containsExactly("star-1", "shop-1", "shop-2", "star-2");
        assertThat(s.pluginsFor("blog.example", "access")).extracting(Plugin::name)
                .containsExactly("star-1", "star-2");
        assertThat(s.pluginsFor("shop.example", "log")).extracting(Plugin::name).containsExactly("shop-log");
    }

    @Test
    void skipDomainsRunNothingAndSayWhichEntryMatched() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.CLASSIC);

        assertThat(s.select("skip.local.com").skippedBy()).isEqualTo("^skip\\.local\\.com$");
        assertThat(s.pluginsFor("skip.local.com", "access")).isEmpty();
        assertThat(s.select("xskip.local.com").skipped()).isFalse();
        assertThat(s.pluginsFor("xskip.local.com", "access")).extracting(Plugin::name).containsExactly("everywhere");
        assertThat(s.pluginsFor("dynamic.local.com", "access")).extracting(Plugin::name)
                .containsExactly("auth", "everywhere");
    }

    @Test
    void aStatusOtherThanEnabledRunsNothingButTheDocumentIsStillCompiled() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.CLASSIC.replace("\"enabled\"", "\"disabled\""));

        assertThat(s.enabled()).isFalse();
        assertThat(s.status()).isEqualTo("disabled");
        assertThat(s.pluginsFor("dynamic.local.com", "access")).isEmpty();
        assertThat(s.select("dynamic.local.com").plugins("access")).hasSize(2);
        assertThat(snapshots.eventNames()).containsOnly("bg_compile_success").hasSize(4);
    }

    @Test
    void anInvalidRegexNeverMatchesAndIsReportedOncePerDocument() throws Exception {
        PluginSnapshot s = snapshots.build("""
                {"general":{"status":"enabled"},"domains":[
                  {"name":"(","plugins":[{"name":"broken","code":"","phase":"access"}]},
                  {"name":"*","plugins":[{"name":"star","code":"","phase":"access"}]}]}""");

        assertThat(s.pluginsFor("(", "access")).extracting(Plugin::name).containsExactly("star");
        assertThat(s.pluginsFor("anything", "access")).extracting(Plugin::name).containsExactly("star");
        assertThat(snapshots.log).filteredOn(l -> l.contains("\"(\" is not a valid regex")).hasSize(1);
    }

    @Test
    void unknownPhasesAndSkippedPluginsNeverRun() throws Exception {
        PluginSnapshot s = snapshots.build("""
                {"general":{"status":"enabled"},"domains":[{"name":"*","plugins":[
                  {"name":"typo","code":"","phase":"acess"},
                  {"name":"skipped","code":"","phase":"access","skip":true},
                  {"name":"runs","code":"","phase":"access"}]}]}""");

        assertThat(s.pluginsFor("h", "access")).extracting(Plugin::name).containsExactly("runs");
        assertThat(s.pluginsFor("h", "acess")).isEmpty();
    }

    @Test
    void roadmapPluginsSharedByTwoDomainsCompileOnce() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.ROADMAP);

        assertThat(s.pluginsFor("dynamic.local.com", "header_filter").get(0).chunk())
                .isSameAs(s.pluginsFor("other.local.com", "header_filter").get(0).chunk());
        assertThat(s.pluginsFor("other.local.com", "header_filter").get(0).policy().failStatus()).isEqualTo(503);
        assertThat(snapshots.compiler.compiles()).isEqualTo(2);
    }

    @Test
    void hostAnswersAreCachedPerSnapshot() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.CLASSIC);

        assertThat(s.select("dynamic.local.com")).isSameAs(s.select("DYNAMIC.local.com"));
    }

    @Test
    void theReadmeSkipDomainsValueSkipsTheMetricsServer() throws Exception {
        // The README's JSON text has four backslashes before each letter: decoded, a class of
        // backslash and letters; it still matches thanks to the unanchored search.
        PluginSnapshot s = snapshots.build("""
                {"general":{"status":"enabled","skip_domains":["[\\\\\\\\w\\\\\\\\d\\\\\\\\.\\\\\\\\-]*server.local.com"]},
                 "domains":[{"name":"*","plugins":[{"name":"p","code":"","phase":"access"}]}]}""");

        assertThat(s.select("metrics.server.local.com").skipped()).isTrue();
        assertThat(s.select("dynamic.local.com").skipped()).isFalse();
    }

    @Test
    void aBacktrackingRegexGivesUpOnAHostileHostAndIsReportedOnce() throws Exception {
        // Unbounded, java.util.regex needs minutes for this host (C(40,8) ways to split it).
        PluginSnapshot s = snapshots.build(Documents.single("(.*a){8}b", "p", "access", ""));
        String hostile = "a".repeat(40);

        assertThat(s.pluginsFor(hostile, "access")).isEmpty();
        assertThat(s.pluginsFor(hostile + "!", "access")).isEmpty();
        assertThat(s.pluginsFor("aaaaaaaab", "access")).hasSize(1);
        assertThat(snapshots.log).filteredOn(l -> l.contains("took more than")).hasSize(1);
    }
}
