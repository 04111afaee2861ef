package io.jresty.server.testing;

import java.util.Map;

/**
 * One case of a data-driven test file, in the Test::Nginx spirit: a title and its sections
 * ("config", "request", "response_body", "error_code", ...).
 */
public record TestBlock(String file, int number, String title, Map<String, String> sections) {
    public String get(String name) {
        return sections.get(name);
    }

    public boolean has(String name) {
        return sections.containsKey(name);
    }

    public String displayName() {
        return file + " TEST " + number + ": " + title;
    }
}
