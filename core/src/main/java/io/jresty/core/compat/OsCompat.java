package io.jresty.core.compat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * os.date as LuaJIT: C's strftime (glibc's conversions, {@link Strftime}) and "!*t" (UTC as a
 * table, which LuaJ returns nil for); os.time naming the missing field of its date table.
 */
final class OsCompat {
    private OsCompat() {}

    static void install(LuaValue os) {
        LuaValue date = os.get("date");
        os.set("date", new Builtin("date", args -> {
            String format = args.isnoneornil(1) ? "%c" : Builtin.string(args, 1, "date").tojstring();
            long t = args.isnoneornil(2) ? System.currentTimeMillis() / 1000 : (long) Builtin.number(args, 2, "date");
            boolean utc = format.startsWith("!");
            String rest = utc ? format.substring(1) : format;
            if (rest.startsWith("*t")) {
                return utc ? utcTable(t) : date.invoke(LuaValue.varargsOf(LuaValue.valueOf("*t"), LuaValue.valueOf(t)));
            }
            ZonedDateTime d = Instant.ofEpochSecond(t).atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
            return LuaValue.valueOf(Strftime.format(rest, d, utc));
        }));
        LuaValue time = os.get("time");
        os.set("time", new Builtin("time", args -> {
            if (args.arg1().istable()) {
                for (String field : new String[] {"day", "month", "year"}) {
                    if (args.arg1().get(field).tonumber().isnil()) {
                        throw new LuaError("field '" + field + "' missing in date table");
                    }
                }
            }
            return time.invoke(args);
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
