package io.jresty.server.conf;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code jresty -t}: checks a conf and says so in nginx -t's words, under jresty's name. */
public final class ConfCheck {
    private ConfCheck() {
    }

    /** Prints the verdict to err and returns the exit status: 0 when the conf is good, 1 when not. */
    public static int run(Path conf, PrintStream err) {
        Path file = conf.toAbsolutePath();
        try {
            ConfParser.parse(file);
        } catch (ConfException e) {
            err.println("jresty: [" + e.level() + "] " + e.getMessage());
            err.println("jresty: configuration file " + file + " test failed");
            return 1;
        }
        err.println("jresty: the configuration file " + file + " syntax is ok");
        err.println("jresty: configuration file " + file + " test is successful");
        return 0;
    }
}
