package io.jresty.server.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "duplicate location" check nginx makes when it builds each server's static location
 * tree, after the whole http block is read: nested levels first, then adjacent equal names
 * in sorted order, where an exact and a prefix location of one name may share it.
 */
final class DuplicateLocations {
    private DuplicateLocations() {
    }

    static void check(ConfDirective http) throws ConfException {
        for (ConfDirective server : http.block()) {
            if (server.name().equals("server") && server.hasBlock()) {
                checkLevel(server.block());
            }
        }
    }

    private record Entry(ConfDirective directive, Location location) {
    }

    private static void checkLevel(List<ConfDirective> block) throws ConfException {
        List<Entry> statics = new ArrayList<>();
        for (ConfDirective d : block) {
            if (d.name().equals("location") && d.hasBlock()) {
                Location location = Location.of(d.args(), d.where());
                if (location.isStatic()) {
                    statics.add(new Entry(d, location));
                }
            }
        }
        // List.sort is stable, as nginx's insertion sort of the location queue is
        statics.sort(Comparator.comparing((Entry e) -> e.location.name())
            .thenComparing(e -> e.location.kind() != Location.Kind.EXACT));
        for (Entry e : statics) {
            checkLevel(e.directive.block());
        }
        join(statics);
    }

    private static void join(List<Entry> sorted) throws ConfException {
        int i = 0;
        while (i < sorted.size()) {
            Entry first = sorted.get(i);
            boolean exact = first.location.kind() == Location.Kind.EXACT;
            boolean inclusive = !exact;
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).location.name().equals(first.location.name())) {
                Entry next = sorted.get(j);
                boolean nextExact = next.location.kind() == Location.Kind.EXACT;
                if ((exact && nextExact) || (inclusive && !nextExact)) {
                    throw new ConfException("duplicate location \"" + next.location.name() + "\" "
                        + next.directive.where());
                }
                exact |= nextExact;
                inclusive |= !nextExact;
                j++;
            }
            i = j;
        }
    }
}
