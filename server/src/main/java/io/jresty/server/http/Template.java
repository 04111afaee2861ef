package io.jresty.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A conf value with $variables in it ("$scheme://$host$uri", "${arg_x}y"), parsed once.
 * Unknown or unset variables expand to the empty string, as in nginx.
 */
public final class Template {
    private sealed interface Part permits Literal, Variable {}

    private record Literal(String text) implements Part {}

    private record Variable(String name) implements Part {}

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    public static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c != '$' || i + 1 >= source.length()) {
                literal.append(c);
                i++;
                continue;
            }
            int start = i + 1;
            int end;
            String name;
            if (source.charAt(start) == '{') {
                end = source.indexOf('}', start);
                if (end < 0) {
                    literal.append(c);
                    i++;
                    continue;
                }
                name = source.substring(start + 1, end);
                end++;
            } else {
                end = start;
                while (end < source.length() && isNameChar(source.charAt(end))) {
                    end++;
                }
                name = source.substring(start, end);
            }
            if (name.isEmpty()) {
                literal.append(c);
                i++;
                continue;
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(new Variable(name));
            i = end;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Template(source, List.copyOf(parts));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    public boolean hasVariables() {
        return parts.stream().anyMatch(p -> p instanceof Variable);
    }

    public String source() {
        return source;
    }

    public String expand(Function<String, String> variables) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal l -> out.append(l.text());
                case Variable v -> {
                    String value = variables.apply(v.name());
                    if (value != null) {
                        out.append(value);
                    }
                }
            }
        }
        return out.toString();
    }
}
