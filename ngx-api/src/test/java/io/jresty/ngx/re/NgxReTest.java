package io.jresty.ngx.re;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.ngx.testing.LuaCases;
import io.jresty.ngx.testing.NgxLua;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NgxReTest {
    @TestFactory
    Stream<DynamicTest> regexCasesPrintWhatNginxPrinted() {
        return LuaCases.tests(getClass(), "re.cases", NgxLua::create);
    }
}
