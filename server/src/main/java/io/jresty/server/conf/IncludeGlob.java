package io.jresty.server.conf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an {@code include} pattern names, as glob(3) finds them for nginx: "*", "?" and
 * "[...]" in any path segment, names starting with "." only when the pattern says so,
 * results sorted; no match is no error.
 */
final class IncludeGlob {
    private IncludeGlob() {
    }

    static boolean isPattern(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
    }

    static List<Path> expand(Path pattern) {
        Path root = pattern.getRoot();
        List<Path> found = new ArrayList<>();
        found.add(root != null ? root : Path.of(""));
        for (Path segment : pattern) {
            String part = segment.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : found) {
                if (!isPattern(part)) {
                    Path p = dir.resolve(part);
                    if (Files.exists(p)) {
                        next.add(p);
                    }
                    continue;
                }
                next.addAll(matching(dir, part));
            }
            found = next;
        }
        found.sort(null);
        return found;
    }

    private static List<Path> matching(Path dir, String part) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && !part.startsWith(".")) {
                    continue;
                }
                if (matches(part, name)) {
                    out.add(dir.resolve(name));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory matches nothing, as glob(3) without GLOB_ERR
        }
        out.sort(null);
        return out;
    }

    /** fnmatch(3) without flags, for one path segment; backtracks to the last "*" only, so it stays linear. */
    static boolean matches(String pat, String name) {
        int pi = 0;
        int ni = 0;
        int starPi = -1;
        int starNi = 0;
        while (ni < name.length()) {
            int step = pi < pat.length() ? matchOne(pat, pi, name.charAt(ni)) : 0;
            if (pi < pat.length() && pat.charAt(pi) == '*') {
                starPi = pi++;
                starNi = ni;
            } else if (step > 0) {
                pi += step;
                ni++;
            } else if (starPi >= 0) {
                pi = starPi + 1;
                ni = ++starNi;
            } else {
                return false;
            }
        }
        while (pi < pat.length() && pat.charAt(pi) == '*') {
            pi++;
        }
        return pi == pat.length();
    }

    /** How many pattern characters match ch at pi ("?", "[...]", "\\x" or a plain character), or 0. */
    private static int matchOne(String pat, int pi, char ch) {
        char c = pat.charAt(pi);
        if (c == '?') {
            return 1;
        }
        if (c == '[') {
            int close = pat.indexOf(']', pi + 2);
            if (close > 0) {
                return inClass(pat.substring(pi + 1, close), ch) ? close - pi + 1 : 0;
            }
        }
        if (c == '\\' && pi + 1 < pat.length()) {
            return pat.charAt(pi + 1) == ch ? 2 : 0;
        }
        return c == ch ? 1 : 0;
    }

    private static boolean inClass(String set, char ch) {
        boolean negate = !set.isEmpty() && (set.charAt(0) == '!' || set.charAt(0) == '^');
        int i = negate ? 1 : 0;
        boolean hit = false;
        while (i < set.length()) {
            char lo = set.charAt(i);
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                hit |= ch >= lo && ch <= set.charAt(i + 2);
                i += 3;
            } else {
                hit |= ch == lo;
                i++;
            }
        }
        return hit != negate;
    }
}
