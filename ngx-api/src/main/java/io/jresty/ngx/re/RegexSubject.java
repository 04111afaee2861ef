package io.jresty.ngx.re;

import io.jresty.core.budget.Budget;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaString;

/**
 * The subject of a match as the Java engine sees it, with the way back to byte offsets:
 * Latin-1 (one char per byte) normally, UTF-8 decoded under the u and U options.
 * Its characters are read through a step budget, so a pattern that backtracks without
 * end stops with PCRE's "match limit" error instead of holding the worker, and the
 * code's time budget ({@link Budget}) is checked while matching.
 */
final class RegexSubject implements CharSequence {
    /** Steps (character reads) one search may take, at least; longer subjects get more. */
    static final long BASE_STEPS = 5_000_000L;
    private static final long STEPS_PER_CHAR = 64;

    final LuaString bytes;
    private final String text;
    private final boolean utf8;
    private int[] byteOffsets;
    private long steps;

    private RegexSubject(LuaString bytes, String text, boolean utf8) {
        this.bytes = bytes;
        this.text = text;
        this.utf8 = utf8;
    }

    /** The subject, or null when the u option finds invalid UTF-8 in it. */
    static RegexSubject of(LuaString s, RegexOptions options) {
        if (!options.utf8()) {
            return new RegexSubject(s, new String(s.m_bytes, s.m_offset, s.m_length, StandardCharsets.ISO_8859_1),
                    false);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        CodingErrorAction onError = options.checkUtf8() ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        decoder.onMalformedInput(onError).onUnmappableCharacter(onError);
        try {
            String text = decoder.decode(ByteBuffer.wrap(s.m_bytes, s.m_offset, s.m_length)).toString();
            return new RegexSubject(s, text, true);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Gives the next search a fresh budget. */
    void resetBudget() {
        steps = BASE_STEPS + STEPS_PER_CHAR * text.length();
    }

    @Override
    public char charAt(int index) {
        if (--steps < 0) {
            throw RegexFailure.matchLimit();
        }
        if ((steps & 0xFFFF) == 0) {
            // a long match charges the running code's budget like its loops do
            Budget.tick();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** The byte offset of a char index. */
    int byteOffset(int charIndex) {
        if (!utf8) {
            return charIndex;
        }
        if (byteOffsets == null) {
            byteOffsets = new int[text.length() + 1];
            int b = 0;
            for (int c = 0; c < text.length(); c++) {
                byteOffsets[c] = b;
                char ch = text.charAt(c);
                if (Character.isHighSurrogate(ch) && c + 1 < text.length()) {
                    byteOffsets[++c] = b;
                    b += 4;
                } else {
                    b += ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
                }
            }
            byteOffsets[text.length()] = b;
        }
        return byteOffsets[charIndex];
    }

    /** The char index of a byte offset (the first char starting at or after it). */
    int charIndex(int byteOffset) {
        if (!utf8) {
            return Math.min(byteOffset, text.length());
        }
        byteOffset(0);
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byteOffsets[mid] < byteOffset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The bytes between two char indexes, sharing the subject's array. */
    LuaString slice(int startChar, int endChar) {
        return bytes.substring(byteOffset(startChar), byteOffset(endChar));
    }
}
