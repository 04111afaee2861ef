package io.jresty.server.request;

import io.jresty.server.proxy.UpstreamVariables;

/**
 * A variable name parsed once into the family it belongs to and what that family looks up
 * (the argument, the header with hyphens, the cookie, the capture number), remembered per name
 * so a read does not take the name apart again.
 */
record VariableName(String name, Family family, String suffix, int number) {
    /** The families of nginx variables a name can belong to, by its form alone. */
    enum Family { CAPTURE, ARG, HTTP, SENT_HTTP, COOKIE, UPSTREAM, OTHER }

    /** Direct-mapped by the name's hash; a collision only replaces the slot, so the cache stays bounded. */
    private static final int SLOTS = 512;
    private static final int LONGEST = 64;
    private static final VariableName[] CACHE = new VariableName[SLOTS];

    /** The parsed name; the same String instance (as ngx.var hands out) hits without comparing text. */
    static VariableName of(String name) {
        int slot = name.hashCode() & (SLOTS - 1);
        VariableName v = CACHE[slot];
        if (v != null && (v.name() == name || v.name().equals(name))) {
            return v;
        }
        v = parse(name);
        if (name.length() <= LONGEST) {
            CACHE[slot] = v;
        }
        return v;
    }

    private static VariableName parse(String name) {
        if (isDigits(name)) {
            return new VariableName(name, Family.CAPTURE, null, Integer.parseInt(name));
        }
        if (name.startsWith("arg_")) {
            return new VariableName(name, Family.ARG, name.substring(4), 0);
        }
        if (name.startsWith("http_")) {
            return new VariableName(name, Family.HTTP, name.substring(5).replace('_', '-'), 0);
        }
        if (name.startsWith("sent_http_")) {
            return new VariableName(name, Family.SENT_HTTP, name.substring(10).replace('_', '-'), 0);
        }
        if (name.startsWith("cookie_")) {
            return new VariableName(name, Family.COOKIE, name.substring(7), 0);
        }
        if (UpstreamVariables.NAMES.contains(name)) {
            return new VariableName(name, Family.UPSTREAM, null, 0);
        }
        return new VariableName(name, Family.OTHER, null, 0);
    }

    /** $1..$99: nginx's capture variables. */
    static boolean isDigits(String s) {
        return !s.isEmpty() && s.length() < 3 && s.chars().allMatch(Character::isDigit);
    }
}
