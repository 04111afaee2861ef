/** lua-resty-core's ngx.semaphore module in Java. */
package io.jresty.ngx.semaphore;
