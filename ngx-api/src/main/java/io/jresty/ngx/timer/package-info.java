/** ngx.timer: the server-wide timer service, per-worker counts and limits, premature runs at stop. */
package io.jresty.ngx.timer;
