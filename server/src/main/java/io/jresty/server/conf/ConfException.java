package io.jresty.server.conf;

/** A configuration error; the message is nginx's, ending with "in file:line". */
public final class ConfException extends Exception {
    private final String level;

    public ConfException(String message) {
        this(message, "emerg");
    }

    /**
     * @param level nginx's log level word for the message: "emerg" for almost everything,
     *              "error" where lua-nginx-module logs at NGX_LOG_ERR (empty Lua code)
     */
    public ConfException(String message, String level) {
        super(message);
        this.level = level;
    }

    /** The level nginx prints in brackets: {@code nginx: [emerg] ...}. */
    public String level() {
        return level;
    }
}
