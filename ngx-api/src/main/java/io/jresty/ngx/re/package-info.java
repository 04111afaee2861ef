/**
 * ngx.re on java.util.regex: PCRE syntax translated ({@link io.jresty.ngx.re.PcreTranslator}
 * lists what cannot be), byte offsets, a per-worker compile cache and a backtracking budget.
 */
package io.jresty.ngx.re;
