package io.jresty.server.conf;

/**
 * Reads the body of a {@code *_by_lua_block} the way lua-nginx-module does: braces count
 * only outside Lua strings ("..", '..' on one line), long brackets ([[..]], [==[..]==])
 * and comments (-- to the end of the line, --[[..]]); the body is the exact text between
 * the opening brace and its match.
 */
final class LuaBlockReader {
    private final ConfReader reader;
    private final String text;
    private int pos;
    private int line;

    LuaBlockReader(ConfReader reader) {
        this.reader = reader;
        this.text = reader.text();
        this.pos = reader.position();
        this.line = reader.line();
    }

    /** Returns the Lua source and moves the conf reader past the closing brace. */
    String read() throws ConfException {
        int bodyStart = pos;
        int depth = 1;
        // lua-nginx-module reports a missing "}" at the line of the last "{" it saw
        int lastOpenLine = line;
        while (true) {
            if (pos >= text.length()) {
                throw error("unexpected end of file, expecting terminating characters for lua code block",
                    lastOpenLine);
            }
            char ch = text.charAt(pos);
            if (ch == '{') {
                pos++;
                depth++;
                lastOpenLine = line;
            } else if (ch == '}') {
                pos++;
                if (--depth == 0) {
                    String body = text.substring(bodyStart, pos - 1);
                    reader.advance(pos, line);
                    return body;
                }
            } else if (ch == '-' && text.startsWith("--", pos)) {
                int level = longBracketLevel(pos + 2);
                if (level >= 0) {
                    skipLongBracket(pos + 2, level);
                } else {
                    skipLineComment();
                }
            } else if (ch == '[' && longBracketLevel(pos) >= 0) {
                skipLongBracket(pos, longBracketLevel(pos));
            } else if (ch == '"' || ch == '\'') {
                skipShortString(ch);
            } else {
                if (ch == '\n') {
                    line++;
                }
                pos++;
            }
        }
    }

    /** The number of "=" in a long bracket opening at at, or -1 when there is none. */
    private int longBracketLevel(int at) {
        if (at >= text.length() || text.charAt(at) != '[') {
            return -1;
        }
        int i = at + 1;
        while (i < text.length() && text.charAt(i) == '=') {
            i++;
        }
        return i < text.length() && text.charAt(i) == '[' ? i - at - 1 : -1;
    }

    private void skipLongBracket(int open, int level) throws ConfException {
        countLines(pos, open);
        String close = "]" + "=".repeat(level) + "]";
        int end = text.indexOf(close, open + level + 2);
        if (end < 0) {
            throw error("Lua code block missing the closing long bracket \"" + close
                + "\", the inlined Lua code may be too long", line);
        }
        countLines(open, end + close.length());
        pos = end + close.length();
    }

    private void skipLineComment() {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end;
    }

    /** A string that does not close on its line is no string: its quote is an ordinary character. */
    private void skipShortString(char quote) {
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                pos = i + 1;
                return;
            }
            if (c == '\n') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= text.length() || text.charAt(i + 1) == '\n') {
                    break;
                }
                i += 2;
                continue;
            }
            i++;
        }
        pos++;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private ConfException error(String message, int atLine) {
        return new ConfException(message + " in " + reader.file() + ":" + atLine);
    }
}
