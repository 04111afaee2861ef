package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** *_by_lua_block bodies: braces count only outside Lua strings, long brackets and comments. */
class LuaBlockTest {
    @TempDir
    Path dir;

    private ConfDirective content(String body) throws ConfException {
        List<ConfDirective> main = Confs.parse(dir,
            "events {}\nhttp {\n server {\n  location / {\n   content_by_lua_block {" + body + "}\n   root /after;\n  }\n }\n}\n");
        ConfDirective root = Confs.find(main, "root");
        assertThat(root.args()).as("the conf goes on after the block").containsExactly("/after");
        return Confs.find(main, "content_by_lua_block");
    }

    @Test
    void bodyIsTheExactTextBetweenTheBraces() throws ConfException {
        String body = "\n    local t = { a = { 1 } }\n\tngx.say(t.a[1])  \n   ";
        assertThat(content(body).args()).containsExactly(body);
    }

    @Test
    void bracesInsideQuotedStringsDoNotCount() throws ConfException {
        String body = " ngx.say(\"}\", '}', \"{\", \"\\\"}\", '\\'}') ";
        assertThat(content(body).arg(0)).isEqualTo(body);
    }

    @Test
    void bracesInsideLongBracketsDoNotCount() throws ConfException {
        String body = " local s = [[ } ]] local u = [==[ ]] } ]=] ]==] ";
        assertThat(content(body).arg(0)).isEqualTo(body);
    }

    @Test
    void bracesInsideCommentsDoNotCount() throws ConfException {
        String body = " -- a } here\n --[[ } ]] --[=[ }\n } ]=] x = 1\n";
        assertThat(content(body).arg(0)).isEqualTo(body);
    }

    @Test
    void dashesBeforeABracketWithSpaceAreALineComment() throws ConfException {
        String body = " x = 1 -- [[ }\n ";
        assertThat(content(body).arg(0)).isEqualTo(body);
    }

    @Test
    void aQuoteThatDoesNotCloseOnItsLineIsAnOrdinaryCharacter() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir,
            "events {}\nhttp { server { location / { content_by_lua_block { local s = \"} } } }\n");
        assertThat(Confs.find(main, "content_by_lua_block").arg(0)).isEqualTo(" local s = \"");
    }

    @Test
    void lineIsTheLineOfTheOpeningBrace() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir,
            "events {}\nhttp {\n init_worker_by_lua_block\n\n {\n x = 1\n }\n lua_code_cache on;\n}\n");
        ConfDirective init = Confs.find(main, "init_worker_by_lua_block");
        assertThat(init.line()).isEqualTo(5);
        assertThat(Confs.find(main, "lua_code_cache").line()).isEqualTo(8);
    }

    @Test
    void setByLuaBlockKeepsItsVariableBeforeTheCode() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir,
            "events {}\nhttp { server { set_by_lua_block $sum { return 1 + 1 } } }\n");
        assertThat(Confs.find(main, "set_by_lua_block").args()).containsExactly("$sum", " return 1 + 1 ");
    }

    @Test
    void quotedLuaOfTheOldFormIsAnOrdinaryArgument() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir,
            "events {}\nhttp { server { location / { content_by_lua 'ngx.say(\"{\")'; set_by_lua $x 'return ...' a b; } } }\n");
        assertThat(Confs.find(main, "content_by_lua").args()).containsExactly("ngx.say(\"{\")");
        assertThat(Confs.find(main, "set_by_lua").args()).containsExactly("$x", "return ...", "a", "b");
    }
}
