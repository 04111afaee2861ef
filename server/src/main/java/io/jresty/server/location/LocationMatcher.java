package io.jresty.server.location;

import io.jresty.server.http.LocationBlock;
import io.jresty.server.http.LocationBlock.Modifier;
import java.util.List;
import java.util.regex.Matcher;

/**
 * nginx's location search: "=" wins at once; else the longest prefix (searched again among its
 * nested locations); "^~" on that prefix skips the regexes; else the regexes in conf order,
 * inner level first; else the longest prefix.
 */
public final class LocationMatcher {
    private LocationMatcher() {}

    /** The location found, with the regex match when a regex location won. */
    public record Match(LocationBlock location, Matcher captures) {}

    /** The best location for uri, or null when none matches. */
    public static Match find(List<LocationBlock> locations, String uri) {
        LocationBlock longest = null;
        for (LocationBlock loc : locations) {
            switch (loc.modifier()) {
                case EXACT -> {
                    if (loc.pattern().equals(uri)) {
                        return new Match(loc, null);
                    }
                }
                case PREFIX, PREFERRED_PREFIX -> {
                    if (uri.startsWith(loc.pattern())
                            && (longest == null || loc.pattern().length() > longest.pattern().length())) {
                        longest = loc;
                    }
                }
                default -> { }
            }
        }
        Match inner = null;
        if (longest != null && !longest.nested().isEmpty()) {
            inner = find(longest.nested(), uri);
            if (inner != null && (inner.location().modifier() == Modifier.EXACT || inner.captures() != null)) {
                return inner;
            }
        }
        boolean noRegex = (inner != null ? inner.location() : longest) != null
                && (inner != null ? inner.location() : longest).modifier() == Modifier.PREFERRED_PREFIX;
        if (!noRegex) {
            for (LocationBlock loc : locations) {
                if (loc.modifier().isRegex()) {
                    Matcher m = loc.regex().matcher(uri);
                    if (m.find()) {
                        return new Match(loc, m);
                    }
                }
            }
        }
        if (inner != null) {
            return inner;
        }
        return longest == null ? null : new Match(longest, null);
    }

    /** The named location "@name" of a server, or null. */
    public static LocationBlock named(List<LocationBlock> locations, String name) {
        for (LocationBlock loc : locations) {
            if (loc.modifier() == Modifier.NAMED && loc.pattern().equals(name)) {
                return loc;
            }
        }
        return null;
    }
}
