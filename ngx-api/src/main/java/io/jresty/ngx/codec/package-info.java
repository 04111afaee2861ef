/** ngx's string codecs over byte strings: URI escaping, query args, base64, digests, SQL quoting. */
package io.jresty.ngx.codec;
