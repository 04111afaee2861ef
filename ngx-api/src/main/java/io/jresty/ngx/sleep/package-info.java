/** ngx.sleep. */
package io.jresty.ngx.sleep;
