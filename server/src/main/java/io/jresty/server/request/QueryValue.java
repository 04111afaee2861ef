package io.jresty.server.request;

/** $arg_NAME: the raw (still escaped) value of the first NAME in the query string, name in any case. */
final class QueryValue {
    private QueryValue() {}

    static String of(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equalsIgnoreCase(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }
}
