package io.jresty.ngx.var;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaString;

class VarNamesTest {
    @Test
    void aNumericKeyReadsItsCaptureButAssignsByItsText() {
        VarNames.Resolved r = VarNames.resolve(LuaString.valueOf("01"));
        assertThat(r.readName()).isEqualTo("1");
        assertThat(r.text()).isEqualTo("01");
    }

    @Test
    void equalKeysShareOneNameInstance() {
        String first = VarNames.resolve(LuaString.valueOf("arg_token")).readName();
        String again = VarNames.resolve(LuaString.valueOf("zarg_token").substring(1, 10)).readName();
        assertThat(first).isEqualTo("arg_token");
        assertThat(again).isSameAs(first);
    }

    @Test
    void valuesEncodeToTheirLuaString() {
        assertThat(VarValues.lua("127.0.0.1").tojstring()).isEqualTo("127.0.0.1");
        assertThat(VarValues.lua(new String("127.0.0.1"))).isSameAs(VarValues.lua("127.0.0.1"));
        assertThat(VarValues.lua("é").m_length).isEqualTo(2);
    }
}
