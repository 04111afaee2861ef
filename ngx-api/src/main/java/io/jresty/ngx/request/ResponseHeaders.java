package io.jresty.ngx.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Response headers as nginx keeps them: names compared in any case, order kept, several
 * values per name. Used by one request thread at a time.
 */
public final class ResponseHeaders {
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    /** Lua cleared Content-Type: nginx then sends none, not even default_type. */
    private boolean contentTypeCleared;

    private record Entry(String name, List<String> values) {}

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The values of that header, or an empty list. */
    public List<String> get(String name) {
        Entry e = entries.get(key(name));
        return e == null ? List.of() : List.copyOf(e.values());
    }

    public String first(String name) {
        Entry e = entries.get(key(name));
        return e == null || e.values().isEmpty() ? null : e.values().getFirst();
    }

    /** Replaces every value of the header; an empty list removes it. */
    public void set(String name, List<String> values) {
        String k = key(name);
        if (values.isEmpty()) {
            entries.remove(k);
        } else {
            entries.put(k, new Entry(name, new ArrayList<>(values)));
        }
    }

    public void set(String name, String value) {
        set(name, value == null ? List.of() : List.of(value));
    }

    public void add(String name, String value) {
        entries.computeIfAbsent(key(name), k -> new Entry(name, new ArrayList<>())).values().add(value);
    }

    public void remove(String name) {
        entries.remove(key(name));
    }

    public boolean contentTypeCleared() {
        return contentTypeCleared;
    }

    public void contentTypeCleared(boolean cleared) {
        this.contentTypeCleared = cleared;
    }

    /** Name as first set, then values, in order. */
    public Map<String, List<String>> all() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            out.put(e.name(), List.copyOf(e.values()));
        }
        return out;
    }
}
