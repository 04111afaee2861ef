package io.jresty.core.compat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** os.date("!*t") (UTC as a table), which LuaJ returns nil for; every other format stays LuaJ's. */
final class OsCompat {
    private OsCompat() {}

    static void install(LuaValue os) {
        LuaValue date = os.get("date");
        os.set("date", new Builtin("date", args -> {
            if (args.arg1().type() == LuaValue.TSTRING && args.arg1().tojstring().startsWith("!*t")) {
                long t = args.isnoneornil(2) ? System.currentTimeMillis() / 1000 : (long) Builtin.number(args, 2, "date");
                return utcTable(t);
            }
            return date.invoke(args);
        }));
    }

    private static Varargs utcTable(long seconds) {
        ZonedDateTime d = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        LuaTable t = new LuaTable();
        t.set("year", d.getYear());
        t.set("month", d.getMonthValue());
        t.set("day", d.getDayOfMonth());
        t.set("hour", d.getHour());
        t.set("min", d.getMinute());
        t.set("sec", d.getSecond());
        t.set("wday", d.getDayOfWeek().getValue() % 7 + 1);
        t.set("yday", d.getDayOfYear());
        t.set("isdst", LuaValue.FALSE);
        return t;
    }
}
