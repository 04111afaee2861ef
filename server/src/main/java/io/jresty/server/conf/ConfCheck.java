package io.jresty.server.conf;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code jresty -t}: checks a conf and says so in nginx -t's words, under jresty's name. */
public final class ConfCheck {
    /** A check beyond the parser's (building the server from the directives), run before the verdict. */
    @FunctionalInterface
    public interface Stage {
        void check(List<ConfDirective> main) throws ConfException;
    }

    private ConfCheck() {
    }

    /** Prints the verdict to err and returns the exit status: 0 when the conf is good, 1 when not. */
    public static int run(Path conf, PrintStream err) {
        return run(conf, err, main -> { });
    }

    /**
     * Like {@link #run(Path, PrintStream)}, with a later stage: nginx prints "syntax is ok" only
     * once every module has accepted the conf, so a failure of the stage is a plain "test failed".
     */
    public static int run(Path conf, PrintStream err, Stage stage) {
        Path file = conf.toAbsolutePath();
        try {
            stage.check(ConfParser.parse(file));
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
