package io.jresty.server.conf;

/** How nginx's handler checks a directive's first argument, with the message it gives. */
public enum ValueRule {
    /** No check beyond the argument count. */
    ANY,
    /** ngx_conf_set_flag_slot: "on" or "off", any case. */
    FLAG,
    /** ngx_conf_set_size_slot: a number with an optional k or m. */
    SIZE,
    /** ngx_conf_set_off_slot: a number with an optional k, m or g. */
    OFFSET,
    /** ngx_conf_set_msec_slot: "1m30s", "500ms", "60". */
    TIME,
    /** keepalive_timeout: a millisecond time, then optionally a second time for the header. */
    TIMEOUT_PAIR,
    /** ngx_conf_set_bufs_slot: a count and a size, both above zero. */
    BUFS,
    /** ngx_conf_set_num_slot: a decimal number. */
    NUMBER,
    /** worker_processes: a number or "auto". */
    WORKERS
}
