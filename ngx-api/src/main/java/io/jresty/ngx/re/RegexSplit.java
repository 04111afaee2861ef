package io.jresty.ngx.re;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * lua-resty-core's ngx.re.split: the pieces between matches, with the groups of each match
 * in between; at most max pieces when max &gt; 0 (the last holds the rest), and without a
 * limit the trailing empty pieces are dropped. An empty match where a piece would be empty
 * does not split (so "" splits into characters). Unmatched groups are left out.
 */
final class RegexSplit {
    private RegexSplit() {}

    static LuaTable split(RegexSearch search, int startChar, int max, LuaTable res) {
        RegexSubject subject = search.subject;
        int length = subject.length();
        List<LuaValue> pieces = new ArrayList<>();
        int last = startChar;
        int pos = startChar;
        int splits = 0;
        while ((max <= 0 || splits < max - 1) && search.find(pos)) {
            int s = search.matcher.start();
            int e = search.matcher.end();
            if (e == s && s == last) {
                if (s >= length) {
                    break;
                }
                pos = search.next();
                continue;
            }
            pieces.add(subject.slice(last, s));
            for (int g = 1; g <= search.regex.groups(); g++) {
                if (search.matcher.start(g) >= 0) {
                    pieces.add(Captures.group(search, g));
                }
            }
            splits++;
            last = e;
            pos = search.next();
        }
        pieces.add(subject.slice(last, length));
        if (max <= 0) {
            while (!pieces.isEmpty() && ((LuaString) pieces.getLast()).m_length == 0) {
                pieces.removeLast();
            }
        }
        LuaTable t = res != null ? res : new LuaTable(pieces.size(), 0);
        for (int k = 0; k < pieces.size(); k++) {
            t.rawset(k + 1, pieces.get(k));
        }
        if (res != null) {
            // lua-resty-core ends a reused table after the pieces and leaves the rest alone
            t.rawset(pieces.size() + 1, LuaValue.NIL);
        }
        return t;
    }
}
