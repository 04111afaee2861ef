package io.jresty.core.module;

import io.jresty.core.compile.ChunkCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua 5.1's package.loaders entries 2 to 4: Lua files on package.path, compiled through the
 * shared {@link ChunkCompiler}; and C modules on package.cpath, which jresty can only report.
 * Relative file names are looked up under the server prefix when there is one.
 */
final class FileSearchers {
    private final Globals g;
    private final Path prefix;

    FileSearchers(Globals g, Path prefix) {
        this.g = g;
        this.prefix = prefix;
    }

    LuaValue luaSearcher() {
        return searcher("loader_Lua", name -> {
            Found found = find(name, "path");
            if (found.file() == null) {
                return LuaValue.valueOf(found.tried());
            }
            return load(name, found.file());
        });
    }

    LuaValue cSearcher() {
        return searcher("loader_C", name -> {
            Found found = find(name, "cpath");
            if (found.file() == null) {
                return LuaValue.valueOf(found.tried());
            }
            throw cannotLoadC(name, found.file());
        });
    }

    /** The all-in-one loader: "a.b.c" may live in the C library of "a". */
    LuaValue cRootSearcher() {
        return searcher("loader_Croot", name -> {
            int dot = name.indexOf('.');
            if (dot < 0) {
                return LuaValue.NONE;
            }
            Found found = find(name.substring(0, dot), "cpath");
            if (found.file() == null) {
                return LuaValue.valueOf(found.tried());
            }
            throw cannotLoadC(name, found.file());
        });
    }

    private interface Search {
        Varargs run(String name);
    }

    private static LuaValue searcher(String what, Search search) {
        return new VarArgFunction() {
            {
                this.name = what;
            }

            @Override
            public Varargs invoke(Varargs args) {
                return search.run(args.checkjstring(1));
            }
        };
    }

    private record Found(String file, String tried) {}

    /** Lua 5.1's findfile: the first readable template, or the "no file" lines of all. */
    private Found find(String name, String field) {
        LuaValue templates = g.get("package").get(field);
        if (!templates.isstring()) {
            throw new LuaError("'package." + field + "' must be a string");
        }
        String path = name.replace('.', '/');
        StringBuilder tried = new StringBuilder();
        for (String template : templates.tojstring().split(";")) {
            if (template.isEmpty()) {
                continue;
            }
            String file = template.replace("?", path);
            if (Files.isReadable(resolve(file)) && !Files.isDirectory(resolve(file))) {
                return new Found(file, null);
            }
            tried.append("\n\tno file '").append(file).append('\'');
        }
        return new Found(null, tried.toString());
    }

    private Path resolve(String file) {
        Path p = Path.of(file);
        return (prefix == null || p.isAbsolute()) ? p : prefix.resolve(p).normalize();
    }

    private LuaValue load(String name, String file) {
        byte[] source;
        try {
            source = Files.readAllBytes(resolve(file));
        } catch (IOException e) {
            throw loadError(name, file, "cannot read " + file);
        }
        try {
            return ChunkCompiler.shared().compile(source, "@" + file).bind(g);
        } catch (LuaError e) {
            throw loadError(name, file, e.getMessage());
        }
    }

    private static LuaError loadError(String name, String file, String why) {
        return new LuaError("error loading module '" + name + "' from file '" + file + "':\n\t" + why);
    }

    private static LuaError cannotLoadC(String name, String file) {
        return loadError(name, file, "jresty runs on the JVM and cannot load C modules");
    }
}
