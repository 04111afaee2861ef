package io.jresty.core.dynacode;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Dynacode engine for tests, with its events and error-log lines recorded. */
final class Engines {
    final List<DynacodeEvent> events = new CopyOnWriteArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();

    Dynacode engine(URI uri) {
        return engine(DynacodeSettings.of(uri));
    }

    Dynacode engine(DynacodeSettings settings) {
        Dynacode d = new Dynacode(settings.withTimeout(minTimeout(settings)).withErrorLog(log::add));
        d.events().on(events::add);
        return d;
    }

    private static Duration minTimeout(DynacodeSettings s) {
        return s.timeout().compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : s.timeout();
    }

    List<String> names() {
        return events.stream().map(DynacodeEvent::name).toList();
    }

    /** The event names since the last call, then forgets them. */
    List<String> drain() {
        List<String> out = names();
        events.clear();
        return out;
    }

    long logLines(String containing) {
        return log.stream().filter(l -> l.contains(containing)).count();
    }
}
