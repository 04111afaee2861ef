package io.jresty.server.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A server block: where it listens, its names, its own rewrite statements and its locations.
 *
 * @param names        server_name entries as written (exact, *.wildcard, wildcard.*, ~regex)
 * @param nameRegexes  compiled ~regex names, in conf order
 */
public record ServerBlock(
        List<ListenAddress> listens,
        List<String> names,
        List<Pattern> nameRegexes,
        Settings settings,
        List<RewriteStep> rewrites,
        List<LocationBlock> locations) {

    /** The primary server name ($server_name), "" when none. */
    public String primaryName() {
        return names.isEmpty() ? "" : names.getFirst();
    }
}
