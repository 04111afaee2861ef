package io.jresty.ngx.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaString;

class HeaderKeysTest {
    @Test
    void theSameKeyResolvesByTheUnderscoreSettingOfEachCall() {
        LuaString key = LuaString.valueOf("X_Foo_Bar");
        HeaderKeys.Resolved on = HeaderKeys.resolve(key, true);
        HeaderKeys.Resolved off = HeaderKeys.resolve(key, false);
        assertThat(on.name()).isEqualTo("X-Foo-Bar");
        assertThat(on.key()).isEqualTo("x-foo-bar");
        assertThat(off.name()).isEqualTo("X_Foo_Bar");
        assertThat(off.key()).isEqualTo("x_foo_bar");
        assertThat(HeaderKeys.resolve(LuaString.valueOf("X_Foo_Bar"), true)).isSameAs(on);
    }

    @Test
    void aKeyCutFromALongerStringIsKeptByItsOwnBytes() {
        LuaString key = LuaString.valueOf("zzContent_Typezz").substring(2, 14);
        HeaderKeys.Resolved r = HeaderKeys.resolve(key, true);
        assertThat(r.name()).isEqualTo("Content-Type");
        assertThat(r.contentType()).isTrue();
        assertThat(r.lua().bytes()).hasSize(12);
        assertThat(r.lua().whole()).isNull();
        assertThat(HeaderKeys.resolve(LuaString.valueOf("content_type"), false).contentType()).isFalse();
    }

    @Test
    void valuesDecodeToAOneValueList() {
        assertThat(HeaderValues.single(LuaString.valueOf("no-cache"))).isEqualTo(List.of("no-cache"));
        assertThat(HeaderValues.single(LuaString.valueOf("no-cache"))).isEqualTo(List.of("no-cache"));
        String longValue = "v".repeat(100);
        assertThat(HeaderValues.single(LuaString.valueOf(longValue))).isEqualTo(List.of(longValue));
    }
}
