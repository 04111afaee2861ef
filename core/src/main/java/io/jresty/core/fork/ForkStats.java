package io.jresty.core.fork;

/** What one copy made: new tables and new functions (mapped and shared values not counted). */
public record ForkStats(int tables, int functions) {}
