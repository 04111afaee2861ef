package io.jresty.server.conf;

/** Checks the $variables of a value as nginx's script compiler does when it reads the conf. */
public final class VariableNames {
    private VariableNames() {}

    /** Throws nginx's error for a "$" not followed by a name, or a "${" without its "}". */
    public static void check(String value, String where) throws ConfException {
        for (int i = value.indexOf('$'); i >= 0; i = value.indexOf('$', i + 1)) {
            char next = i + 1 < value.length() ? value.charAt(i + 1) : ' ';
            if (next == '{') {
                if (value.indexOf('}', i) < 0) {
                    throw new ConfException("the closing bracket in \"" + value.substring(i + 2)
                            + "\" variable is missing " + where);
                }
            } else if (!(Character.isLetterOrDigit(next) || next == '_')) {
                throw new ConfException("invalid variable name " + where);
            }
        }
    }
}
