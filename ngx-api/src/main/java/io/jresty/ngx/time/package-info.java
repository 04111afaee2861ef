/** ngx's clock and HTTP date functions (ngx.now, ngx.http_time, ngx.parse_http_time, ...). */
package io.jresty.ngx.time;
