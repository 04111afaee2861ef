package io.jresty.ngx.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.shdict.SharedDicts;
import io.jresty.ngx.testing.LuaCases;
import io.jresty.ngx.testing.NgxLua;
import io.jresty.ngx.testing.TestClock;
import io.jresty.ngx.testing.TestEnvironment;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NgxTimeTest {
    @TestFactory
    Stream<DynamicTest> timeCasesPrintWhatNginxPrinted() {
        return LuaCases.tests(getClass(), "time.cases", NgxLua::create);
    }

    @Test
    void nowHasMillisecondsAndTimeWholeSecondsFromTheClock() {
        NgxLua lua = NgxLua.create();
        assertThat(lua.eval("return ngx.now() * 1000, ngx.time()").todouble(1)).isEqualTo(1290079655123.0);
        assertThat(lua.eval("return ngx.time()").todouble(1)).isEqualTo(1290079655.0);
        assertThat(lua.run("say(math.floor(ngx.now()) == ngx.time(), ' ', ngx.now() % 1 > 0.12, ' ', ngx.now() % 1 < 0.124)"))
                .isEqualTo("true true true\n");
    }

    @Test
    void nowFollowsTheClockAndUpdateTimeIsHarmless() {
        NgxLua lua = NgxLua.create();
        double before = lua.eval("return ngx.now()").todouble(1);
        lua.clock().advanceSeconds(2.5);
        double after = lua.eval("ngx.update_time() return ngx.now()").todouble(1);
        assertThat(after - before).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(lua.run("say(ngx.time())")).isEqualTo("1290079657\n");
    }

    @Test
    void todayAndLocaltimeUseTheClocksZoneAndUtctimeUtc() {
        TestClock tokyo = new TestClock(Instant.parse("2010-11-18T20:27:35.500Z"), ZoneId.of("Asia/Tokyo"));
        NgxLua lua = new NgxLua(new TestEnvironment(tokyo, SharedDicts.none()));
        assertThat(lua.run("say(ngx.today()) say(ngx.localtime()) say(ngx.utctime())"))
                .isEqualTo("2010-11-19\n2010-11-19 05:27:35\n2010-11-18 20:27:35\n");
    }

    @Test
    void timeFunctionsWorkWithoutARequest() {
        NgxLua lua = NgxLua.create();
        assertThat(lua.run("say(ngx.http_time(ngx.time()) == 'Thu, 18 Nov 2010 11:27:35 GMT')")).isEqualTo("true\n");
        assertThat(lua.run("say(ngx.parse_http_time(ngx.cookie_time(ngx.time())) == ngx.time())")).isEqualTo("true\n");
    }

    @Test
    void timeCodecAndRegexFunctionsRunInPhasesWithoutARequest() {
        NgxLua lua = NgxLua.create();
        for (Phase phase : List.of(Phase.INIT, Phase.INIT_WORKER, Phase.TIMER, Phase.SET, Phase.BODY_FILTER)) {
            try (NgxContext.Scope s = NgxContext.enter(new NgxContext(null, null, phase))) {
                assertThat(lua.run("""
                        say(ngx.time(), " ", ngx.md5("a"), " ", ngx.escape_uri("a b"), " ", (ngx.re.sub("abc", "b", "x")))
                        """)).as(phase.luaName()).isEqualTo("1290079655 0cc175b9c0f1b6a831c399e269772661 a%20b axc\n");
            }
        }
    }
}
