package io.jresty.core.compile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;

/**
 * Rewords LuaC's "unexpected symbol" error the way Lua does: LuaC writes the token's internal
 * number and a character ({@code unexpected symbol 286 (Ğ)} at the end of the input), Lua
 * {@code unexpected symbol near '<eof>'}. Other syntax errors pass through as LuaC words them.
 */
final class SyntaxErrors {
    private static final Pattern UNEXPECTED = Pattern.compile("unexpected symbol (\\d+) \\(.\\)$", Pattern.DOTALL);
    /** LuaC's token numbers from 257 on, in order (Lua 5.2's reserved words, then symbols). */
    private static final List<String> TOKENS = List.of(
            "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
            "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
            "..", "...", "==", ">=", "<=", "~=", "::", "<eof>");
    private static final int FIRST_RESERVED = 257;

    private SyntaxErrors() {}

    static LuaError reworded(LuaError e) {
        String message = e.getMessage();
        Matcher m = message == null ? null : UNEXPECTED.matcher(message);
        if (m == null || !m.find()) {
            return e;
        }
        int token = Integer.parseInt(m.group(1));
        String near;
        if (token < FIRST_RESERVED) {
            near = " near '" + (char) token + "'";
        } else if (token - FIRST_RESERVED < TOKENS.size()) {
            near = " near '" + TOKENS.get(token - FIRST_RESERVED) + "'";
        } else {
            near = ""; // a number, name or string: LuaC kept no text for it
        }
        LuaError reworded = new LuaError(message.substring(0, m.start()) + "unexpected symbol" + near, 0);
        reworded.setStackTrace(e.getStackTrace());
        return reworded;
    }
}
