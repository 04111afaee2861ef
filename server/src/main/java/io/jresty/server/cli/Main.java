package io.jresty.server.cli;

/** java -jar jresty.jar: the nginx-style command line. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("jresty");
    }
}
