/** ngx.thread (light threads) and the waiting rule every yielding ngx call follows: wait with the worker lock released (Yielding). */
package io.jresty.ngx.thread;
