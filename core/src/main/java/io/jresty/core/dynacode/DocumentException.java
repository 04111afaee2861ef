package io.jresty.core.dynacode;

/**
 * A plugin document that cannot be installed; the previous snapshot stays. {@code invalidJson}
 * separates undecodable bytes (dynacode's "the api response was invalid") from a decodable
 * document with a structural error (dynacode's on_error('poll', ...)).
 */
final class DocumentException extends Exception {
    private final boolean invalidJson;

    DocumentException(String reason, boolean invalidJson) {
        super(reason, null, false, false);
        this.invalidJson = invalidJson;
    }

    static DocumentException structure(String reason) {
        return new DocumentException(reason, false);
    }

    boolean invalidJson() {
        return invalidJson;
    }
}
