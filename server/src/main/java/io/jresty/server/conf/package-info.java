/**
 * nginx.conf for jresty: the tokenizer and parser (nginx's syntax, Lua blocks read by
 * lua-nginx-module's rules), the directive table, and the checks behind {@code -t}, all
 * failing with nginx's own messages and "in file:line".
 */
package io.jresty.server.conf;
