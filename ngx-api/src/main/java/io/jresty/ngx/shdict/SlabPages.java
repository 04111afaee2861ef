package io.jresty.ngx.shdict;

/**
 * The memory of one zone counted as nginx's slab allocator spends it: 4 KiB pages, small
 * allocations rounded up to a power of two (at least 8 bytes) and packed into pages of
 * their size class, allocations over half a page taking whole pages. Fragmentation is
 * not modelled (a class uses as many pages as its chunks need). Not thread-safe: the
 * zone's lock guards it.
 */
final class SlabPages {
    static final int PAGE = 4096;
    private static final int MIN_SHIFT = 3;
    private static final int CLASSES = 12 - MIN_SHIFT; // 8 .. 2048 bytes
    /** nginx's slab pool header and one page descriptor per page (x86-64). */
    private static final int POOL_HEADER = 728;
    private static final int PAGE_DESCRIPTOR = 24;
    /** Pages lua-nginx-module takes for the dict's own tree and its zone name. */
    private static final int DICT_HEADER_PAGES = 2;

    private final long usablePages;
    private final long[] chunks = new long[CLASSES];
    private long largePages;

    SlabPages(long zoneBytes) {
        long pages = Math.max(0, (zoneBytes - POOL_HEADER) / (PAGE + PAGE_DESCRIPTOR));
        long start = (POOL_HEADER + pages * PAGE_DESCRIPTOR + PAGE - 1) / PAGE * PAGE;
        long real = Math.min(pages, Math.max(0, (zoneBytes - start) / PAGE));
        this.usablePages = Math.max(0, real - DICT_HEADER_PAGES);
    }

    void allocate(long size) {
        change(size, 1);
    }

    void free(long size) {
        change(size, -1);
    }

    private void change(long size, int sign) {
        if (size > PAGE / 2) {
            largePages += sign * ((size + PAGE - 1) / PAGE);
        } else {
            int shift = Math.max(MIN_SHIFT, 64 - Long.numberOfLeadingZeros(size - 1));
            chunks[shift - MIN_SHIFT] += sign;
        }
    }

    long usedPages() {
        long used = largePages;
        for (int c = 0; c < CLASSES; c++) {
            long perPage = PAGE >> (c + MIN_SHIFT);
            used += (chunks[c] + perPage - 1) / perPage;
        }
        return used;
    }

    boolean overflows() {
        return usedPages() > usablePages;
    }

    /** What ngx.shared.DICT:free_space() reports: whole free pages, in bytes. */
    long freeBytes() {
        return Math.max(0, usablePages - usedPages()) * PAGE;
    }
}
