package io.jresty.ngx.re;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The captures table of ngx.re.match, gmatch and function replacements: [0] the whole match,
 * [n] each group or false when it did not take part, and each named group under its name
 * too. With the D option a name maps to the list of the values its groups matched.
 */
final class Captures {
    private Captures() {}

    static LuaTable of(RegexSearch search, LuaTable reuse) {
        Matcher m = search.matcher;
        CompiledRegex regex = search.regex;
        LuaTable t = reuse != null ? reuse : new LuaTable(regex.groups(), 0);
        t.rawset(0, search.subject.slice(m.start(), m.end()));
        if (regex.options().dfa()) {
            return t;
        }
        for (int g = 1; g <= regex.groups(); g++) {
            t.rawset(g, group(search, g));
        }
        if (!regex.options().duplicateNames()) {
            for (int g = 1; g <= regex.groups(); g++) {
                String name = regex.names().get(g);
                if (name != null) {
                    t.rawset(name, t.rawget(g));
                }
            }
            return t;
        }
        Map<String, List<LuaValue>> byName = new LinkedHashMap<>();
        for (int g = 1; g <= regex.groups(); g++) {
            String name = regex.names().get(g);
            if (name != null) {
                List<LuaValue> values = byName.computeIfAbsent(name, n -> new ArrayList<>());
                if (m.start(g) >= 0) {
                    values.add(group(search, g));
                }
            }
        }
        byName.forEach((name, values) -> {
            if (!values.isEmpty()) {
                LuaTable list = new LuaTable(values.size(), 0);
                for (int k = 0; k < values.size(); k++) {
                    list.rawset(k + 1, values.get(k));
                }
                t.rawset(name, list);
            }
        });
        return t;
    }

    /** The group's bytes, or false when it did not match. */
    static LuaValue group(RegexSearch search, int g) {
        Matcher m = search.matcher;
        if (g > search.regex.groups() || m.start(g) < 0) {
            return LuaValue.FALSE;
        }
        LuaString s = search.subject.slice(m.start(g), m.end(g));
        return s;
    }
}
