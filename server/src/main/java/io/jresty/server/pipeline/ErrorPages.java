package io.jresty.server.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** nginx's built-in error and redirect pages. */
public final class ErrorPages {
    private ErrorPages() {}

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Authorization Required"),
            Map.entry(402, "Payment Required"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Not Allowed"), Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Time-out"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(411, "Length Required"),
            Map.entry(412, "Precondition Failed"), Map.entry(413, "Request Entity Too Large"),
            Map.entry(414, "Request-URI Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(416, "Requested Range Not Satisfiable"), Map.entry(421, "Misdirected Request"),
            Map.entry(429, "Too Many Requests"), Map.entry(494, "Request Header Or Cookie Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Temporarily Unavailable"),
            Map.entry(504, "Gateway Time-out"), Map.entry(505, "HTTP Version Not Supported"),
            Map.entry(507, "Insufficient Storage"));

    /** Whether nginx sends a page of its own for this status when the response has no body. */
    static boolean hasPage(int status) {
        return REASONS.containsKey(status);
    }

    public static byte[] page(int status) {
        String title = status + " " + REASONS.get(status);
        String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>jresty</center>\r\n</body>\r\n</html>\r\n";
        return html.getBytes(StandardCharsets.US_ASCII);
    }
}
