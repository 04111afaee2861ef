package io.jresty.server.http;

import io.jresty.ngx.phase.Phase;
import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import io.jresty.server.lua.LuaChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.luaj.vm2.LuaError;

/** The Lua code of the *_by_lua, *_by_lua_block and *_by_lua_file forms, compiled into chunks. */
final class LuaCode {
    private final Path prefix;

    LuaCode(Path prefix) {
        this.prefix = prefix;
    }

    /** The phase of a *_by_lua* directive name (content_by_lua_block → CONTENT), or null. */
    static Phase phaseOf(String directive) {
        String base = directive.replaceFirst("_by_lua(_block|_file)?$", "");
        if (base.equals(directive)) {
            return null;
        }
        for (Phase p : Phase.values()) {
            if (p.luaName().equals(base)) {
                return p;
            }
        }
        return null;
    }

    /** Compiles the code of d, taken from argument index codeArg. */
    LuaChunk chunk(ConfDirective d, Phase phase, int codeArg) throws ConfException {
        String source = d.arg(codeArg);
        String name;
        if (d.name().endsWith("_file")) {
            Path file = prefix.resolve(source);
            try {
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfException("failed to load Lua file \"" + file + "\": " + e.getMessage() + " " + d.where());
            }
            name = file.toString();
            return compile("@" + name, name, source, d);
        }
        name = phase.directive() + "(" + d.file().getFileName() + ":" + d.line() + ")";
        return compile("=" + name, name, source, d);
    }

    private static LuaChunk compile(String chunkName, String displayName, String source, ConfDirective d)
            throws ConfException {
        try {
            return new LuaChunk(displayName,
                    io.jresty.core.compile.ChunkCompiler.shared().compile(source, chunkName));
        } catch (LuaError e) {
            String kind = d.name().endsWith("_file") ? "failed to load external Lua file \"" + displayName + "\": "
                    : "failed to load inlined Lua code: ";
            return LuaChunk.failed(displayName, kind + e.getMessage());
        }
    }
}
