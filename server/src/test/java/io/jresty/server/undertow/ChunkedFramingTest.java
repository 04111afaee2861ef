package io.jresty.server.undertow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jresty.server.undertow.ChunkedRequestBody.InvalidChunkedBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** nginx's chunked framing rules, fed byte by byte as a slow client would send them. */
class ChunkedFramingTest {
    @Test
    void largestSignedSizeIsAcceptedOneMoreDigitIsNot() throws Exception {
        ChunkedFraming ok = new ChunkedFraming();
        assertThat(feed(ok, "7fffffffffffffff\r\nab")).isEqualTo("ab");
        assertThatThrownBy(() -> feed(new ChunkedFraming(), "8000000000000000\r\n"))
                .isInstanceOf(InvalidChunkedBody.class);
    }

    @Test
    void bareLfExtensionsAndTrailersEndTheBody() throws Exception {
        ChunkedFraming f = new ChunkedFraming();
        assertThat(feed(f, "3 ; x=1\nabc\n1\r\nd\r\n0\r\nX-T: 1\r\n\r\n")).isEqualTo("abcd");
        assertThat(f.done()).isTrue();
    }

    @Test
    void bytesAfterTheLastChunkAreLeftForTheNextRequest() throws Exception {
        ChunkedFraming f = new ChunkedFraming();
        ByteBuffer raw = ByteBuffer.wrap("1\r\nz\r\n0\r\n\r\nGET /".getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer dst = ByteBuffer.allocate(64);
        f.decode(raw, dst);
        assertThat(f.done()).isTrue();
        assertThat(StandardCharsets.ISO_8859_1.decode(raw).toString()).isEqualTo("GET /");
    }

    @Test
    void malformedFramingIsRefused() {
        for (String body : new String[] {"zz\r\n", "\r\n", "3\r\nabcX", "3\r\nabc\rX", "3\rX", "0\r\n\rX", "0\r\nX\rY"}) {
            assertThatThrownBy(() -> feed(new ChunkedFraming(), body)).as(body).isInstanceOf(InvalidChunkedBody.class);
        }
    }

    private static String feed(ChunkedFraming f, String in) throws InvalidChunkedBody {
        StringBuilder out = new StringBuilder();
        for (byte b : in.getBytes(StandardCharsets.ISO_8859_1)) {
            ByteBuffer dst = ByteBuffer.allocate(4);
            f.decode(ByteBuffer.wrap(new byte[] {b}), dst);
            dst.flip();
            out.append(StandardCharsets.ISO_8859_1.decode(dst));
        }
        return out.toString();
    }
}
