package io.jresty.server.conf;

/**
 * How many arguments a directive takes, as nginx's NGX_CONF_NOARGS, NGX_CONF_TAKE1..7,
 * NGX_CONF_FLAG, NGX_CONF_1MORE and NGX_CONF_2MORE bits say.
 *
 * @param takeMask bit n set when n arguments are accepted (used when atLeast is negative)
 * @param atLeast  the minimum for the open-ended rules (1MORE, 2MORE), or -1
 */
public record ArgCount(int takeMask, int atLeast) {
    /** nginx keeps at most this many arguments for the fixed-count rules (NGX_CONF_MAX_ARGS). */
    private static final int MAX_ARGS = 8;

    public static final ArgCount NOARGS = take(0);
    public static final ArgCount TAKE1 = take(1);
    public static final ArgCount TAKE2 = take(2);
    public static final ArgCount TAKE12 = take(1, 2);
    public static final ArgCount TAKE23 = take(2, 3);
    public static final ArgCount TAKE123 = take(1, 2, 3);
    /** NGX_CONF_FLAG counts as one argument; its on/off check is the directive's value rule. */
    public static final ArgCount FLAG = TAKE1;
    public static final ArgCount ONE_MORE = new ArgCount(0, 1);
    public static final ArgCount TWO_MORE = new ArgCount(0, 2);

    public static ArgCount take(int... counts) {
        int mask = 0;
        for (int n : counts) {
            mask |= 1 << n;
        }
        return new ArgCount(mask, -1);
    }

    public boolean accepts(int n) {
        if (atLeast >= 0) {
            return n >= atLeast;
        }
        return n < MAX_ARGS && (takeMask & (1 << n)) != 0;
    }
}
