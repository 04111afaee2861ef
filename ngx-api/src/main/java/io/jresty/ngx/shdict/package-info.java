/**
 * ngx.shared.DICT: zones shared by every worker ({@link io.jresty.ngx.shdict.SharedDictZone}),
 * bounded like nginx's slab allocator, with LRU eviction and expiry on an injected clock.
 */
package io.jresty.ngx.shdict;
