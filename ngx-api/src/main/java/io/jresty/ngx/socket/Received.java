package io.jresty.ngx.socket;

/**
 * What one receive call got: the data, or an error with the partial data read before it
 * (lua-nginx-module's third return value, "" when nothing came).
 */
record Received(byte[] data, String error, byte[] partial) {
    private static final byte[] NOTHING = new byte[0];

    static Received data(byte[] data) {
        return new Received(data, null, null);
    }

    static Received failed(String error, byte[] partial) {
        return new Received(null, error, partial == null ? NOTHING : partial);
    }

    /** A failure that ends reading on this connection (anything but a timeout). */
    boolean endsReading() {
        return error != null && !error.equals("timeout");
    }
}
