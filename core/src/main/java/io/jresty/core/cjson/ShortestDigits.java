package io.jresty.core.cjson;

/**
 * The fast way to {@code %.<p>g} for p <= 15: start from the shortest decimal that reads back
 * as the double ({@link Double#toString}). With at most p digits it is what printf prints;
 * with more, rounding it at p digits gives printf's answer too, except when the dropped part
 * is exactly one half, where the exact binary value decides: then this answers null.
 */
final class ShortestDigits {
    private ShortestDigits() {}

    static String format(double d, int precision) {
        String s = Double.toString(Math.abs(d));
        int e = s.indexOf('E');
        int exponent10 = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        String mantissa = e < 0 ? s : s.substring(0, e);
        int point = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(20);
        digits.append(mantissa, 0, point).append(mantissa, point + 1, mantissa.length());
        // first digit's power of ten, before leading zeros are dropped
        int exponent = exponent10 + point - 1;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        exponent -= lead;
        stripTrailingZeros(digits);
        if (digits.length() > precision) {
            char first = digits.charAt(precision);
            if (first == '5' && digits.length() == precision + 1) {
                return null;
            }
            boolean up = first >= '5';
            digits.setLength(precision);
            if (up && roundUp(digits)) {
                exponent++;
            }
            stripTrailingZeros(digits);
        }
        return NumberFormatG.layout(d < 0, digits, exponent, precision);
    }

    /** Adds one unit in the last place; true when it carried into a new leading digit. */
    private static boolean roundUp(StringBuilder digits) {
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c != '9') {
                digits.setCharAt(i, (char) (c + 1));
                return false;
            }
            digits.setCharAt(i, '0');
        }
        digits.insert(0, '1');
        return true;
    }

    private static void stripTrailingZeros(StringBuilder digits) {
        int n = digits.length();
        while (n > 1 && digits.charAt(n - 1) == '0') {
            n--;
        }
        digits.setLength(n);
    }
}
