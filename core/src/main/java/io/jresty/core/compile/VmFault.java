package io.jresty.core.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run-time error of the VM as LuaJ words it ("attempt to index ? (a nil value)",
 * "attempt to perform arithmetic __add on string and number"): which operation failed and the
 * types of its operands, as far as the text tells them. Comparisons are not here: Lua never
 * names their operands.
 *
 * @param operation what the instruction did
 * @param left      the type of the only or first operand, or for arithmetic with a null right,
 *                  the type of the operand that failed (LuaJ's "attempt to perform arithmetic
 *                  on string" does not say which)
 * @param right     the type of the second operand, or null
 */
record VmFault(Operation operation, String left, String right) {
    /** The operations whose error messages Lua gives a variable name. */
    enum Operation { INDEX, CALL, ARITHMETIC, CONCAT, LENGTH }

    private static final Pattern INDEX = Pattern.compile("attempt to index \\? \\(a (\\w+) value\\)");
    /** What LuaJ says when an assignment indexes a non-table. */
    private static final Pattern SET_INDEX = Pattern.compile("index expected, got (\\w+)");
    private static final Pattern CALL = Pattern.compile("attempt to call (\\w+)");
    private static final Pattern ARITHMETIC = Pattern.compile("attempt to perform arithmetic __\\w+ on (\\w+) and (\\w+)");
    private static final Pattern ONE_OPERAND = Pattern.compile("attempt to perform arithmetic on (\\w+)");
    private static final Pattern CONCAT = Pattern.compile("attempt to concatenate (\\w+) and (\\w+)");
    private static final Pattern LENGTH = Pattern.compile("attempt to get length of (\\w+)");

    /** The fault a LuaJ message describes, or null for any other error text. */
    static VmFault of(String message) {
        if (message == null) {
            return null;
        }
        Matcher m;
        if ((m = SET_INDEX.matcher(message)).matches()) {
            return new VmFault(Operation.INDEX, m.group(1), null);
        }
        if (!message.startsWith("attempt to ")) {
            return null;
        }
        if ((m = INDEX.matcher(message)).matches()) {
            return new VmFault(Operation.INDEX, m.group(1), null);
        }
        if ((m = CALL.matcher(message)).matches()) {
            return new VmFault(Operation.CALL, m.group(1), null);
        }
        if ((m = ARITHMETIC.matcher(message)).matches()) {
            return new VmFault(Operation.ARITHMETIC, m.group(1), m.group(2));
        }
        if ((m = ONE_OPERAND.matcher(message)).matches()) {
            return new VmFault(Operation.ARITHMETIC, m.group(1), null);
        }
        if ((m = CONCAT.matcher(message)).matches()) {
            return new VmFault(Operation.CONCAT, m.group(1), m.group(2));
        }
        if ((m = LENGTH.matcher(message)).matches()) {
            return new VmFault(Operation.LENGTH, m.group(1), null);
        }
        return null;
    }

    /**
     * Which operand of a two-operand operation Lua blames: the first one the operation cannot
     * take. 0 for the first, 1 for the second, -1 when the types alone do not tell (a string
     * may or may not convert to a number, or only one type is known).
     */
    int culprit() {
        if (right == null) {
            return -1;
        }
        if (operation == Operation.CONCAT) {
            return left.equals("string") || left.equals("number") ? 1 : 0;
        }
        if (left.equals("number")) {
            return 1;
        }
        if (!left.equals("string")) {
            return 0;
        }
        // "abc" + 1 blames the string; "10" + nil blames nil, "abc" + nil the string
        return right.equals("number") ? 0 : -1;
    }
}
