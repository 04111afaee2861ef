package io.jresty.ngx.shdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.ngx.testing.TestClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedDictsTest {
    @Test
    void sizesParseAsNginxReadsThem() {
        assertThat(SharedDicts.parseSize("10m")).isEqualTo(10L * 1024 * 1024);
        assertThat(SharedDicts.parseSize("64K")).isEqualTo(64L * 1024);
        assertThat(SharedDicts.parseSize("8192")).isEqualTo(8192);
        // nginx: invalid lua shared dict size "4k" / "8191" / "1g" / "abc" / "0"
        for (String bad : new String[] {"4k", "8191", "1g", "abc", "0", "", "m"}) {
            assertThat(SharedDicts.parseSize(bad)).as(bad).isEqualTo(-1);
        }
    }

    @Test
    void zonesAreBuiltInConfOrderAndFreeSpaceMatchesNginx() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("cache", 1024L * 1024);
        sizes.put("locks", 12L * 1024);
        SharedDicts dicts = SharedDicts.of(sizes, TestClock.fixed());
        assertThat(dicts.zones().keySet()).containsExactly("cache", "locks");
        // measured on nginx 1.22: free_space() of empty 1m and 12k zones
        assertThat(dicts.zone("cache").freeSpace()).isEqualTo(1032192);
        assertThat(dicts.zone("locks").freeSpace()).isZero();
        assertThat(dicts.zone("cache").capacity()).isEqualTo(1024L * 1024);
    }
}
