package io.jresty.core.budget;

/**
 * Which OutOfMemoryErrors a Lua call may turn into its own error. Only the heap's: what the call
 * built is garbage once it unwinds, so the server has room again. Metaspace, direct buffers and
 * native threads are not freed by ending one call, so those still reach the top.
 */
public final class HeapExhaustion {
    private HeapExhaustion() {}

    public static boolean recoverable(OutOfMemoryError e) {
        String m = e.getMessage();
        return m != null && (m.startsWith("Java heap space") || m.startsWith("Requested array size exceeds VM limit")
                || m.startsWith("GC overhead limit exceeded"));
    }
}
