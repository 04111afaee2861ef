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

    /** values is never changed in place (add replaces it), so get and all hand it out without a copy. */
    private record Entry(String name, List<String> values) {}

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The values of that header, or an empty list. */
    public List<String> get(String name) {
        return getByKey(key(name));
    }

    /** The values of the header whose lower-case name is key, or an empty list. */
    public List<String> getByKey(String key) {
        Entry e = entries.get(key);
        return e == null ? List.of() : e.values();
    }

    public String first(String name) {
        Entry e = entries.get(key(name));
        return e == null || e.values().isEmpty() ? null : e.values().getFirst();
    }

    /** Replaces every value of the header; an empty list removes it. */
    public void set(String name, List<String> values) {
        set(name, key(name), values);
    }

    /** As set(name, values), with key the lower-case name (resolved once by the caller). */
    public void set(String name, String key, List<String> values) {
        if (values.isEmpty()) {
            entries.remove(key);
        } else {
            entries.put(key, new Entry(name, List.copyOf(values)));
        }
    }

    public void set(String name, String value) {
        set(name, value == null ? List.of() : List.of(value));
    }

    public void add(String name, String value) {
        String k = key(name);
        Entry e = entries.get(k);
        if (e == null) {
            entries.put(k, new Entry(name, List.of(value)));
        } else {
            List<String> values = new ArrayList<>(e.values().size() + 1);
            values.addAll(e.values());
            values.add(value);
            entries.put(k, new Entry(e.name(), List.copyOf(values)));
        }
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
            out.put(e.name(), e.values());
        }
        return out;
    }
}
