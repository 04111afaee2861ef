package io.jresty.server.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.request.VariableName.Family;
import org.junit.jupiter.api.Test;

class VariableNameTest {
    @Test
    void namesFallIntoTheirFamilyWithTheLookedUpPart() {
        assertThat(VariableName.of("http_user_agent")).extracting(VariableName::family, VariableName::suffix)
                .containsExactly(Family.HTTP, "user-agent");
        assertThat(VariableName.of("sent_http_x_cache")).extracting(VariableName::family, VariableName::suffix)
                .containsExactly(Family.SENT_HTTP, "x-cache");
        assertThat(VariableName.of("arg_a_b")).extracting(VariableName::family, VariableName::suffix)
                .containsExactly(Family.ARG, "a_b");
        assertThat(VariableName.of("cookie_sid").suffix()).isEqualTo("sid");
        assertThat(VariableName.of("07")).extracting(VariableName::family, VariableName::number)
                .containsExactly(Family.CAPTURE, 7);
        assertThat(VariableName.of("100").family()).isEqualTo(Family.OTHER);
        assertThat(VariableName.of("upstream_addr").family()).isEqualTo(Family.UPSTREAM);
        assertThat(VariableName.of("host").family()).isEqualTo(Family.OTHER);
    }

    @Test
    void anEqualNameFindsTheSameParse() {
        VariableName first = VariableName.of("http_host");
        assertThat(VariableName.of(new String("http_host"))).isSameAs(first);
    }
}
