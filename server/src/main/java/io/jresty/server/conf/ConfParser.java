package io.jresty.server.conf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads an nginx.conf into directives, checking each one as nginx does the moment it is
 * read (so the first error reported is nginx's first error), with nginx's messages:
 * unknown directives, wrong contexts, argument counts, duplicates, values, includes and
 * the checks nginx makes when the http block closes (empty upstreams, duplicate locations).
 */
public final class ConfParser {
    /** Relative include paths resolve against the main conf's directory, nginx's conf prefix. */
    private final Path prefix;
    /** The files being included right now, to refuse a cycle (nginx itself overflows its stack). */
    private final Deque<Path> including = new ArrayDeque<>();

    private ConfParser(Path prefix) {
        this.prefix = prefix;
    }

    /** Parses the main conf and everything it includes; returns the main context's directives. */
    public static List<ConfDirective> parse(Path file) throws ConfException {
        Path main = file.toAbsolutePath();
        Path dir = main.getParent() != null ? main.getParent() : main.getRoot();
        ConfParser parser = new ConfParser(dir);
        Scope scope = new Scope(ConfContext.MAIN, null, null);
        String text = read(main, "");
        parser.parseFile(main, text, scope);
        if (scope.directives.stream().noneMatch(d -> d.name().equals("events"))) {
            throw new ConfException("no \"events\" section in configuration");
        }
        return List.copyOf(scope.directives);
    }

    /** The conf prefix that relative paths and Lua chunk names are taken against. */
    public static Path prefixOf(Path mainConf) {
        Path main = mainConf.toAbsolutePath();
        return main.getParent() != null ? main.getParent() : main.getRoot();
    }

    private void parseFile(Path file, String text, Scope scope) throws ConfException {
        including.push(file.normalize());
        try {
            ConfReader reader = new ConfReader(text, file);
            if (scope.context == null) {
                parseEntries(reader, scope, false, null);
            } else {
                parseBlock(reader, scope, false);
            }
        } finally {
            including.pop();
        }
    }

    private void parseBlock(ConfReader reader, Scope scope, boolean inBlock) throws ConfException {
        while (true) {
            Statement st = reader.next();
            switch (st.end()) {
                case FILE_END -> {
                    if (inBlock) {
                        throw reader.error("unexpected end of file, expecting \"}\"");
                    }
                    return;
                }
                case BLOCK_END -> {
                    if (!inBlock) {
                        throw reader.error("unexpected \"}\"");
                    }
                    return;
                }
                default -> directive(reader, scope, st);
            }
        }
    }

    private void directive(ConfReader reader, Scope scope, Statement st) throws ConfException {
        String name = st.words().get(0);
        List<String> args = st.words().subList(1, st.words().size());
        String where = "in " + reader.file() + ":" + st.line();
        DirectiveSpec spec = find(name, scope.context, where);
        if (!spec.hasBlock() && st.end() != Statement.End.SEMICOLON) {
            throw new ConfException("directive \"" + name + "\" is not terminated by \";\" " + where);
        }
        if (spec.hasBlock() && st.end() != Statement.End.BLOCK_START) {
            throw new ConfException("directive \"" + name + "\" has no opening \"{\" " + where);
        }
        if (!spec.args().accepts(args.size())) {
            throw new ConfException("invalid number of arguments in \"" + name + "\" directive " + where);
        }
        DirectiveRules.check(spec, args, scope, where);
        if (name.equals("include")) {
            include(args.get(0), scope, where);
            return;
        }
        switch (spec.block()) {
            case NONE -> {
                if (DirectiveRules.takesLua(spec)) {
                    DirectiveRules.checkLua(spec, args.get(0), scope, where);
                }
                add(scope, name, args, null, reader, st.line());
            }
            case LUA -> {
                String code = new LuaBlockReader(reader).read();
                DirectiveRules.checkLua(spec, code, scope, "in " + reader.file() + ":" + reader.line());
                List<String> withCode = new java.util.ArrayList<>(args);
                withCode.add(code);
                add(scope, name, withCode, null, reader, st.line());
            }
            case ENTRIES -> {
                Scope inner = new Scope(null, scope, null);
                parseEntries(reader, inner, true, name);
                add(scope, name, args, inner.directives, reader, st.line());
            }
            case DIRECTIVES -> {
                Location location = null;
                if (name.equals("location")) {
                    location = Location.of(args, where);
                    if (scope.context == ConfContext.LOCATION) {
                        scope.location.checkNested(location, where);
                    }
                }
                Scope inner = new Scope(spec.innerFor(scope.context), scope, location);
                parseBlock(reader, inner, true);
                ConfDirective block = new ConfDirective(name, args, inner.directives, reader.file(), st.line());
                if (name.equals("upstream") && inner.directives.stream().noneMatch(d -> d.name().equals("server"))) {
                    // ngx_http_upstream checks right after its block, at the line of the "}"
                    throw reader.error("no servers are inside upstream");
                }
                if (name.equals("http")) {
                    DuplicateLocations.check(block);
                }
                scope.directives.add(block);
            }
        }
    }

    private static DirectiveSpec find(String name, ConfContext context, String where) throws ConfException {
        List<DirectiveSpec> specs = DirectiveTable.lookup(name);
        if (specs.isEmpty()) {
            throw new ConfException("unknown directive \"" + name + "\" " + where);
        }
        for (DirectiveSpec spec : specs) {
            if (spec.allowedIn(context)) {
                return spec;
            }
        }
        throw new ConfException("\"" + name + "\" directive is not allowed here " + where);
    }

    /** The body of types { } and map { }: lines of words, not directives; "include" still works. */
    private void parseEntries(ConfReader reader, Scope scope, boolean inBlock, String owner) throws ConfException {
        while (true) {
            Statement st = reader.next();
            switch (st.end()) {
                case FILE_END -> {
                    if (inBlock) {
                        throw reader.error("unexpected end of file, expecting \"}\"");
                    }
                    return;
                }
                case BLOCK_END -> {
                    if (!inBlock) {
                        throw reader.error("unexpected \"}\"");
                    }
                    return;
                }
                case BLOCK_START -> throw reader.error("unexpected \"{\"");
                default -> entry(reader, scope, st, owner);
            }
        }
    }

    private void entry(ConfReader reader, Scope scope, Statement st, String owner) throws ConfException {
        List<String> words = st.words();
        String where = "in " + reader.file() + ":" + st.line();
        if (words.get(0).equals("include")) {
            if (words.size() != 2) {
                throw new ConfException("invalid number of arguments in \"include\" directive " + where);
            }
            include(words.get(1), scope, where);
            return;
        }
        if ("map".equals(owner) && words.size() != 2
            && !(words.size() == 1 && (words.get(0).equals("hostnames") || words.get(0).equals("volatile")))) {
            throw new ConfException("invalid number of the map parameters " + where);
        }
        add(scope, words.get(0), words.subList(1, words.size()), null, reader, st.line());
    }

    private void include(String pattern, Scope scope, String where) throws ConfException {
        Path path = prefix.resolve(pattern);
        List<Path> files = IncludeGlob.isPattern(pattern) ? IncludeGlob.expand(path) : List.of(path);
        for (Path file : files) {
            if (including.contains(file.normalize())) {
                throw new ConfException("include cycle: \"" + file + "\" is already being included " + where);
            }
            String text = read(file, " " + where);
            parseFile(file, text, scope);
        }
    }

    private static void add(Scope scope, String name, List<String> args, List<ConfDirective> block,
                            ConfReader reader, int line) {
        scope.directives.add(new ConfDirective(name, args, block, reader.file(), line));
    }

    /** Reads a conf file as UTF-8 (bad bytes become U+FFFD), failing in nginx's words. */
    private static String read(Path file, String where) throws ConfException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfException("read() \"" + file + "\" failed (21: Is a directory)" + where);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfException("open() \"" + file + "\" failed (2: No such file or directory)" + where);
        } catch (AccessDeniedException e) {
            throw new ConfException("open() \"" + file + "\" failed (13: Permission denied)" + where);
        } catch (IOException | SecurityException e) {
            throw new ConfException("open() \"" + file + "\" failed (" + e.getMessage() + ")" + where);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfException("read() \"" + file + "\" failed (" + e.getMessage() + ")" + where);
        }
    }
}
