package io.jresty.server.conf;

/** A configuration error; the message is nginx's, ending with "in file:line". */
public final class ConfException extends Exception {
    public ConfException(String message) {
        super(message);
    }
}
