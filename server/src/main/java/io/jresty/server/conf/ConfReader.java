package io.jresty.server.conf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * nginx's conf tokenizer over one file's text: words separated by blanks, "..." and '...'
 * quoting, backslash escapes, "#" comments, and ";", "{", "}" as terminators. It follows
 * ngx_conf_read_token's rules to the letter, odd corners included: "}" inside a bare word is
 * part of the word, "${" does not open a block, and ")" after a quoted word starts a new word
 * (that is how {@code if ($a = "b")} splits).
 */
final class ConfReader {
    private final String text;
    private final Path file;
    private int pos;
    private int line = 1;

    ConfReader(String text, Path file) {
        this.text = text;
        this.file = file;
    }

    Path file() {
        return file;
    }

    int line() {
        return line;
    }

    String text() {
        return text;
    }

    int position() {
        return pos;
    }

    /** Moves on after text consumed by another reader (a Lua block), keeping the line count. */
    void advance(int newPos, int newLine) {
        pos = newPos;
        line = newLine;
    }

    Statement next() throws ConfException {
        List<String> words = new ArrayList<>();
        boolean lastSpace = true;
        boolean needSpace = false;
        boolean comment = false;
        boolean quoted = false;
        boolean singleQuoted = false;
        boolean doubleQuoted = false;
        boolean variable = false;
        int start = pos;

        while (true) {
            if (pos >= text.length()) {
                if (!words.isEmpty() || !lastSpace) {
                    throw error("unexpected end of file, expecting \";\" or \"}\"");
                }
                return new Statement(words, Statement.End.FILE_END, line);
            }
            char ch = text.charAt(pos++);
            if (ch == '\n') {
                line++;
                comment = false;
            }
            if (comment) {
                continue;
            }
            if (quoted) {
                quoted = false;
                continue;
            }
            if (needSpace) {
                if (isBlank(ch)) {
                    lastSpace = true;
                    needSpace = false;
                    continue;
                }
                if (ch == ';') {
                    return new Statement(words, Statement.End.SEMICOLON, line);
                }
                if (ch == '{') {
                    return new Statement(words, Statement.End.BLOCK_START, line);
                }
                if (ch == ')') {
                    lastSpace = true;
                    needSpace = false;
                    // no continue: nginx lets ")" fall through and start the next word
                } else {
                    throw error("unexpected \"" + ch + "\"");
                }
            }
            if (lastSpace) {
                start = pos - 1;
                if (isBlank(ch)) {
                    continue;
                }
                switch (ch) {
                    case ';', '{' -> {
                        if (words.isEmpty()) {
                            throw error("unexpected \"" + ch + "\"");
                        }
                        return new Statement(words, ch == ';' ? Statement.End.SEMICOLON
                            : Statement.End.BLOCK_START, line);
                    }
                    case '}' -> {
                        if (!words.isEmpty()) {
                            throw error("unexpected \"}\"");
                        }
                        return new Statement(words, Statement.End.BLOCK_END, line);
                    }
                    case '#' -> comment = true;
                    case '\\' -> {
                        quoted = true;
                        lastSpace = false;
                    }
                    case '"' -> {
                        start++;
                        doubleQuoted = true;
                        lastSpace = false;
                    }
                    case '\'' -> {
                        start++;
                        singleQuoted = true;
                        lastSpace = false;
                    }
                    case '$' -> {
                        variable = true;
                        lastSpace = false;
                    }
                    default -> lastSpace = false;
                }
                continue;
            }
            if (ch == '{' && variable) {
                continue;
            }
            variable = false;
            if (ch == '\\') {
                quoted = true;
                continue;
            }
            if (ch == '$') {
                variable = true;
                continue;
            }
            boolean found = false;
            if (doubleQuoted) {
                if (ch == '"') {
                    doubleQuoted = false;
                    needSpace = true;
                    found = true;
                }
            } else if (singleQuoted) {
                if (ch == '\'') {
                    singleQuoted = false;
                    needSpace = true;
                    found = true;
                }
            } else if (isBlank(ch) || ch == ';' || ch == '{') {
                lastSpace = true;
                found = true;
            }
            if (found) {
                words.add(unescape(start, pos - 1));
                if (ch == ';') {
                    return new Statement(words, Statement.End.SEMICOLON, line);
                }
                if (ch == '{') {
                    return new Statement(words, Statement.End.BLOCK_START, line);
                }
            }
        }
    }

    /** nginx resolves \" \' \\ \t \r \n in every word, quoted or not, and keeps other backslashes. */
    private String unescape(int from, int to) {
        StringBuilder word = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char next = text.charAt(i + 1);
                switch (next) {
                    case '"', '\'', '\\' -> {
                        word.append(next);
                        i += 2;
                        continue;
                    }
                    case 't' -> {
                        word.append('\t');
                        i += 2;
                        continue;
                    }
                    case 'r' -> {
                        word.append('\r');
                        i += 2;
                        continue;
                    }
                    case 'n' -> {
                        word.append('\n');
                        i += 2;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            word.append(c);
            i++;
        }
        return word.toString();
    }

    private static boolean isBlank(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    }

    ConfException error(String message) {
        return new ConfException(message + " in " + file + ":" + line);
    }
}
