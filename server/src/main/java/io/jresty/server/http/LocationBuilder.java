package io.jresty.server.http;

import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds the locations of a server (and nested ones) from their directives. */
final class LocationBuilder {
    private final SettingsDirectives settings;
    private final RewriteDirectives rewrites;

    LocationBuilder(SettingsDirectives settings, RewriteDirectives rewrites) {
        this.settings = settings;
        this.rewrites = rewrites;
    }

    List<LocationBlock> locations(List<ConfDirective> block, Settings parent) throws ConfException {
        List<LocationBlock> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfDirective d : block) {
            if (d.name().equals("location")) {
                LocationBlock loc = location(d, parent);
                if (!loc.modifier().isRegex() && !seen.add(loc.modifier().name() + " " + loc.pattern())) {
                    throw new ConfException("duplicate location \"" + loc.pattern() + "\" " + d.where());
                }
                out.add(loc);
            }
        }
        return List.copyOf(out);
    }

    private LocationBlock location(ConfDirective d, Settings parent) throws ConfException {
        LocationBlock.Modifier modifier = LocationBlock.Modifier.PREFIX;
        String pattern;
        if (d.args().size() == 2) {
            modifier = switch (d.arg(0)) {
                case "=" -> LocationBlock.Modifier.EXACT;
                case "^~" -> LocationBlock.Modifier.PREFERRED_PREFIX;
                case "~" -> LocationBlock.Modifier.REGEX;
                case "~*" -> LocationBlock.Modifier.REGEX_CASELESS;
                default -> throw new ConfException("invalid location modifier \"" + d.arg(0) + "\" " + d.where());
            };
            pattern = d.arg(1);
        } else {
            pattern = d.arg(0);
            if (pattern.startsWith("@")) {
                modifier = LocationBlock.Modifier.NAMED;
            } else if (pattern.startsWith("=") && pattern.length() > 1) {
                modifier = LocationBlock.Modifier.EXACT;
                pattern = pattern.substring(1);
            } else if (pattern.startsWith("~*") && pattern.length() > 2) {
                modifier = LocationBlock.Modifier.REGEX_CASELESS;
                pattern = pattern.substring(2);
            } else if (pattern.startsWith("^~") && pattern.length() > 2) {
                modifier = LocationBlock.Modifier.PREFERRED_PREFIX;
                pattern = pattern.substring(2);
            } else if (pattern.startsWith("~") && pattern.length() > 1) {
                modifier = LocationBlock.Modifier.REGEX;
                pattern = pattern.substring(1);
            }
        }
        Pattern regex = null;
        if (modifier.isRegex()) {
            try {
                regex = Pattern.compile(pattern, modifier == LocationBlock.Modifier.REGEX_CASELESS
                        ? Pattern.CASE_INSENSITIVE : 0);
            } catch (PatternSyntaxException e) {
                throw new ConfException("pcre_compile() failed: " + e.getDescription() + " in \""
                        + pattern + "\" " + d.where());
            }
        }
        Settings own = settings.apply(parent, d.block());
        io.jresty.server.proxy.ProxyDirectives.checkLocation(own.proxy(), d,
                modifier.isRegex() || modifier == LocationBlock.Modifier.NAMED);
        List<RewriteStep> steps = new ArrayList<>();
        boolean internal = false;
        for (ConfDirective inner : d.block()) {
            RewriteStep step = rewrites.step(inner);
            if (step != null) {
                steps.add(step);
            }
            internal |= inner.name().equals("internal");
        }
        return new LocationBlock(modifier, pattern, regex, own, List.copyOf(steps), internal,
                locations(d.block(), own));
    }
}
