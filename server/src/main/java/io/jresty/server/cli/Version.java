package io.jresty.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from the jar's resources. */
final class Version {
    private Version() {}

    static final String TEXT = read();

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/jresty-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
