package io.jresty.ngx.time;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.now, ngx.time, ngx.update_time, ngx.today, ngx.localtime, ngx.utctime,
 * ngx.cookie_time, ngx.http_time and ngx.parse_http_time, read from the environment's clock.
 *
 * <p>nginx caches the time once per event-loop iteration and ngx.update_time refreshes it.
 * jresty has no such loop (Lua runs on virtual threads that block), so a cache would only go
 * stale across ngx.sleep and cosocket waits; every call reads the clock instead, at nginx's
 * millisecond resolution, and update_time has nothing left to refresh.
 */
public final class NgxTime implements NgxArea {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        Clock clock = env.clock();
        ApiTable api = new ApiTable("ngx.", ngx);
        api.anywhere("now", Contexts.ANY, (ctx, args) -> LuaValue.valueOf(clock.millis() / 1000.0));
        api.anywhere("time", Contexts.ANY, (ctx, args) -> LuaValue.valueOf((double) Math.floorDiv(clock.millis(), 1000)));
        api.anywhere("update_time", Contexts.ANY, (ctx, args) -> LuaValue.NONE);
        api.anywhere("today", Contexts.ANY, (ctx, args) -> text(local(clock).format(DAY)));
        api.anywhere("localtime", Contexts.ANY, (ctx, args) -> text(local(clock).format(DAY_TIME)));
        api.anywhere("utctime", Contexts.ANY,
                (ctx, args) -> text(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(DAY_TIME)));
        api.anywhere("http_time", Contexts.ANY, (ctx, args) -> text(HttpTime.http(secondsArg(args))));
        api.anywhere("cookie_time", Contexts.ANY, (ctx, args) -> text(HttpTime.cookie(secondsArg(args))));
        api.anywhere("parse_http_time", Contexts.ANY, (ctx, args) -> {
            LuaValue s = args.arg1();
            if (s.type() != LuaValue.TSTRING) {
                throw new ApiError("string argument only");
            }
            LuaString str = s.checkstring();
            byte[] bytes = new byte[str.m_length];
            str.copyInto(0, bytes, 0, bytes.length);
            Long t = HttpTime.parse(bytes);
            return t == null ? LuaValue.NIL : LuaValue.valueOf((double) t);
        });
    }

    private static LocalDateTime local(Clock clock) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), clock.getZone());
    }

    private static long secondsArg(Varargs args) {
        if (args.arg1().type() != LuaValue.TNUMBER) {
            throw new ApiError("number argument only");
        }
        return HttpTime.seconds(args.arg1().todouble());
    }

    private static LuaValue text(String ascii) {
        return LuaValue.valueOf(ascii);
    }
}
