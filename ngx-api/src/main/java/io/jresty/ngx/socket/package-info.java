/**
 * Cosockets: ngx.socket.tcp and ngx.socket.udp over blocking JDK sockets on the request's
 * virtual thread, with the worker's lock released while they wait, and the per-worker
 * keepalive pools behind setkeepalive.
 */
package io.jresty.ngx.socket;
