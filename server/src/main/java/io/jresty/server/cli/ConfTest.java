package io.jresty.server.cli;

import io.jresty.server.conf.ConfCheck;
import io.jresty.server.http.ConfChunks;
import io.jresty.server.http.HttpBlock;
import io.jresty.server.http.HttpConfBuilder;
import io.jresty.server.lua.LuaChunk;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * -t: nginx's syntax check, then everything a start would build from the conf. Lua that does
 * not compile is reported as a warning: nginx too starts with it and fails only the requests
 * that reach it, but a check that says so early is worth more than silence.
 */
final class ConfTest {
    private ConfTest() {}

    static int run(Path prefix, Path conf, PrintStream err) {
        // the model, built from the check's own parse, is a stage of the check: as nginx, "syntax is
        // ok" only once all of it is built
        return ConfCheck.run(conf, err, main -> {
            HttpBlock http = new HttpConfBuilder(prefix, conf).build(main);
            for (String warning : http.warnings()) {
                err.println("jresty: [warn] " + warning);
            }
            for (LuaChunk chunk : ConfChunks.all(http)) {
                if (chunk.loadError() != null) {
                    err.println("jresty: [warn] " + chunk.loadError());
                }
            }
        });
    }
}
