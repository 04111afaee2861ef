package io.jresty.ngx.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {
    @Test
    void addAppendsUnderTheFirstNameAndSetReplaces() {
        ResponseHeaders h = new ResponseHeaders();
        h.set("X-Foo", "a");
        h.add("x-foo", "b");
        assertThat(h.get("X-FOO")).containsExactly("a", "b");
        assertThat(h.all()).isEqualTo(Map.of("X-Foo", List.of("a", "b")));
        h.set("X-Foo", "x-foo", List.of("c"));
        assertThat(h.getByKey("x-foo")).containsExactly("c");
        assertThat(h.all().keySet()).containsExactly("X-Foo");
        h.set("X-Foo", List.of());
        assertThat(h.first("x-foo")).isNull();
    }

    @Test
    void aListSetIsNotChangedByLaterAdds() {
        ResponseHeaders h = new ResponseHeaders();
        h.set("Vary", "Accept");
        List<String> before = h.get("vary");
        h.add("Vary", "Origin");
        assertThat(before).containsExactly("Accept");
        assertThat(h.get("vary")).containsExactly("Accept", "Origin");
    }
}
