package io.jresty.core.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * One match attempt of a Lua 5.1 pattern over a byte string, with LuaJIT's classes (%g, %z),
 * the %f frontier, %b, back references and its limits: 32 captures, 200 nested matcher calls
 * ("pattern too complex"). Not thread-safe: one instance per string.find/match/gsub call.
 */
final class LuaPattern {
    private static final int MAX_CAPTURES = 32;
    private static final int MAX_DEPTH = 200;
    private static final int UNFINISHED = -1;
    private static final int POSITION = -2;

    final byte[] s;
    final int sEnd;
    private final byte[] p;
    private final int pEnd;
    int level;
    private int depth;
    private final int[] captureStart = new int[MAX_CAPTURES];
    private final int[] captureLength = new int[MAX_CAPTURES];

    LuaPattern(LuaString subject, LuaString pattern) {
        this.s = bytes(subject);
        this.sEnd = s.length;
        this.p = bytes(pattern);
        this.pEnd = p.length;
    }

    static byte[] bytes(LuaString str) {
        byte[] b = new byte[str.m_length];
        System.arraycopy(str.m_bytes, str.m_offset, b, 0, b.length);
        return b;
    }

    boolean anchored() {
        return pEnd > 0 && p[0] == '^';
    }

    /** Tries the pattern (from pattern index {@code pi}) at subject index {@code si}; the end of the match or -1. */
    int matchAt(int si, int pi) {
        level = 0;
        depth = 0;
        return match(si, pi);
    }

    private int match(int si, int pi) {
        if (++depth > MAX_DEPTH) {
            throw new LuaError("pattern too complex");
        }
        try {
            while (true) {
                if (pi == pEnd) {
                    return si;
                }
                switch (p[pi]) {
                    case '(' -> {
                        return pi + 1 < pEnd && p[pi + 1] == ')'
                                ? startCapture(si, pi + 2, POSITION) : startCapture(si, pi + 1, UNFINISHED);
                    }
                    case ')' -> {
                        return endCapture(si, pi + 1);
                    }
                    case '$' -> {
                        if (pi + 1 == pEnd) {
                            return si == sEnd ? si : -1;
                        }
                    }
                    case '%' -> {
                        if (pi + 1 < pEnd) {
                            byte next = p[pi + 1];
                            if (next == 'b') {
                                si = matchBalance(si, pi + 2);
                                if (si == -1) {
                                    return -1;
                                }
                                pi += 4;
                                continue;
                            }
                            if (next == 'f') {
                                pi += 2;
                                if (pi >= pEnd || p[pi] != '[') {
                                    throw new LuaError("missing '[' after '%f' in pattern");
                                }
                                int ep = classEnd(pi);
                                int previous = si == 0 ? 0 : s[si - 1] & 0xff;
                                int current = si < sEnd ? s[si] & 0xff : 0;
                                if (matchBracket(previous, pi, ep - 1) || !matchBracket(current, pi, ep - 1)) {
                                    return -1;
                                }
                                pi = ep;
                                continue;
                            }
                            if (next >= '0' && next <= '9') {
                                si = matchBackReference(si, next);
                                if (si == -1) {
                                    return -1;
                                }
                                pi += 2;
                                continue;
                            }
                        }
                    }
                    default -> {
                    }
                }
                int ep = classEnd(pi);
                boolean m = si < sEnd && singleMatch(s[si] & 0xff, pi, ep);
                if (ep < pEnd) {
                    switch (p[ep]) {
                        case '?' -> {
                            if (m) {
                                int r = match(si + 1, ep + 1);
                                if (r != -1) {
                                    return r;
                                }
                            }
                            pi = ep + 1;
                            continue;
                        }
                        case '*' -> {
                            return maxExpand(si, pi, ep);
                        }
                        case '+' -> {
                            return m ? maxExpand(si + 1, pi, ep) : -1;
                        }
                        case '-' -> {
                            return minExpand(si, pi, ep);
                        }
                        default -> {
                        }
                    }
                }
                if (!m) {
                    return -1;
                }
                si++;
                pi = ep;
            }
        } finally {
            depth--;
        }
    }

    private int maxExpand(int si, int pi, int ep) {
        int i = 0;
        while (si + i < sEnd && singleMatch(s[si + i] & 0xff, pi, ep)) {
            i++;
        }
        for (; i >= 0; i--) {
            int r = match(si + i, ep + 1);
            if (r != -1) {
                return r;
            }
        }
        return -1;
    }

    private int minExpand(int si, int pi, int ep) {
        while (true) {
            int r = match(si, ep + 1);
            if (r != -1) {
                return r;
            }
            if (si < sEnd && singleMatch(s[si] & 0xff, pi, ep)) {
                si++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int si, int pi, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        captureStart[level] = si;
        captureLength[level] = what;
        level++;
        int r = match(si, pi);
        if (r == -1) {
            level--;
        }
        return r;
    }

    private int endCapture(int si, int pi) {
        int l = -1;
        for (int i = level - 1; i >= 0; i--) {
            if (captureLength[i] == UNFINISHED) {
                l = i;
                break;
            }
        }
        if (l < 0) {
            // LuaJIT lets a ')' without '(' fail the match instead of raising an error
            return -1;
        }
        captureLength[l] = si - captureStart[l];
        int r = match(si, pi);
        if (r == -1) {
            captureLength[l] = UNFINISHED;
        }
        return r;
    }

    private int matchBalance(int si, int pi) {
        if (pi + 1 >= pEnd) {
            throw new LuaError("unbalanced pattern");
        }
        if (si >= sEnd || s[si] != p[pi]) {
            return -1;
        }
        byte open = p[pi];
        byte close = p[pi + 1];
        int depthCount = 1;
        while (++si < sEnd) {
            if (s[si] == close) {
                if (--depthCount == 0) {
                    return si + 1;
                }
            } else if (s[si] == open) {
                depthCount++;
            }
        }
        return -1;
    }

    private int matchBackReference(int si, byte digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || captureLength[l] == UNFINISHED) {
            throw new LuaError("invalid capture index");
        }
        int len = captureLength[l];
        if (sEnd - si < len) {
            return -1;
        }
        for (int i = 0; i < len; i++) {
            if (s[captureStart[l] + i] != s[si + i]) {
                return -1;
            }
        }
        return si + len;
    }

    /** Index just after the single-character class starting at {@code pi}. */
    private int classEnd(int pi) {
        byte c = p[pi++];
        if (c == '%') {
            if (pi >= pEnd) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return pi + 1;
        }
        if (c == '[') {
            if (pi < pEnd && p[pi] == '^') {
                pi++;
            }
            // the first character of a set is never its closing ']', so "[]]" is a set of one ']'
            do {
                if (pi >= pEnd) {
                    throw new LuaError("malformed pattern (missing ']')");
                }
                c = p[pi++];
                if (c == '%' && pi < pEnd) {
                    pi++;
                }
            } while (pi >= pEnd || p[pi] != ']');
            return pi + 1;
        }
        return pi;
    }

    private boolean singleMatch(int c, int pi, int ep) {
        return switch (p[pi]) {
            case '.' -> true;
            case '%' -> matchClass(c, p[pi + 1] & 0xff);
            case '[' -> matchBracket(c, pi, ep - 1);
            default -> (p[pi] & 0xff) == c;
        };
    }

    /** A set "[...]" from {@code pi} (its '[') to {@code ec} (its ']'). */
    private boolean matchBracket(int c, int pi, int ec) {
        boolean found = true;
        if (p[pi + 1] == '^') {
            found = false;
            pi++;
        }
        while (++pi < ec) {
            if (p[pi] == '%') {
                pi++;
                if (matchClass(c, p[pi] & 0xff)) {
                    return found;
                }
            } else if (p[pi + 1] == '-' && pi + 2 < ec) {
                pi += 2;
                if ((p[pi - 2] & 0xff) <= c && c <= (p[pi] & 0xff)) {
                    return found;
                }
            } else if ((p[pi] & 0xff) == c) {
                return found;
            }
        }
        return !found;
    }

    /** %a %c %d %g %l %p %s %u %w %x %z in the C locale (ASCII only); upper case negates. */
    static boolean matchClass(int c, int cl) {
        boolean r = switch (Character.toLowerCase((char) cl)) {
            case 'a' -> isAlpha(c);
            case 'c' -> c < 32 || c == 127;
            case 'd' -> c >= '0' && c <= '9';
            case 'g' -> c > 32 && c < 127;
            case 'l' -> c >= 'a' && c <= 'z';
            case 'p' -> c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
            case 's' -> c == ' ' || (c >= '\t' && c <= '\r');
            case 'u' -> c >= 'A' && c <= 'Z';
            case 'w' -> isAlpha(c) || (c >= '0' && c <= '9');
            case 'x' -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'z' -> c == 0;
            // not a class letter: the character itself, never negated
            default -> {
                yield cl == c ^ (cl >= 'A' && cl <= 'Z');
            }
        };
        return cl >= 'A' && cl <= 'Z' ? !r : r;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Capture i of the last match [start, end): a string, or a position for "()". */
    LuaValue capture(int i, int start, int end) {
        if (i >= level) {
            if (i == 0) {
                return LuaString.valueOf(s, start, end - start);
            }
            throw new LuaError("invalid capture index");
        }
        int len = captureLength[i];
        if (len == UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        if (len == POSITION) {
            return LuaValue.valueOf(captureStart[i] + 1);
        }
        return LuaString.valueOf(s, captureStart[i], len);
    }

    /** All captures of the last match, or the whole match when the pattern has none and {@code wholeIfNone}. */
    LuaValue[] captures(int start, int end, boolean wholeIfNone) {
        int n = level == 0 && wholeIfNone ? 1 : level;
        LuaValue[] values = new LuaValue[n];
        for (int i = 0; i < n; i++) {
            values[i] = capture(i, start, end);
        }
        return values;
    }
}
