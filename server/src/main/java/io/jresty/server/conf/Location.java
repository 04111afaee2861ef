package io.jresty.server.conf;

import java.util.List;

/**
 * A location's match kind and name as ngx_http_core_location reads them from its arguments.
 *
 * @param name the name without its modifier ("/x" for "= /x" and "=/x"; "@x" for a named one)
 */
record Location(Kind kind, String name) {
    enum Kind { EXACT, PREFIX, NOREGEX, REGEX, NAMED }

    static Location of(List<String> args, String where) throws ConfException {
        if (args.size() == 2) {
            Kind kind = switch (args.get(0)) {
                case "=" -> Kind.EXACT;
                case "~", "~*" -> Kind.REGEX;
                case "^~" -> Kind.NOREGEX;
                default -> throw new ConfException("invalid location modifier \"" + args.get(0) + "\" " + where);
            };
            return new Location(kind, args.get(1));
        }
        String arg = args.get(0);
        if (arg.startsWith("=")) {
            return new Location(Kind.EXACT, arg.substring(1));
        }
        if (arg.startsWith("^~")) {
            return new Location(Kind.NOREGEX, arg.substring(2));
        }
        if (arg.startsWith("~")) {
            return new Location(Kind.REGEX, arg.startsWith("~*") ? arg.substring(2) : arg.substring(1));
        }
        return new Location(arg.startsWith("@") ? Kind.NAMED : Kind.PREFIX, arg);
    }

    /** The static tree holds exact and prefix locations; regex and named ones are kept apart. */
    boolean isStatic() {
        return kind == Kind.EXACT || kind == Kind.PREFIX || kind == Kind.NOREGEX;
    }

    /** nginx's checks for a location opened inside this one. */
    void checkNested(Location child, String where) throws ConfException {
        if (kind == Kind.EXACT) {
            throw new ConfException("location \"" + child.name + "\" cannot be inside the exact location \""
                + name + "\" " + where);
        }
        if (kind == Kind.NAMED) {
            throw new ConfException("location \"" + child.name + "\" cannot be inside the named location \""
                + name + "\" " + where);
        }
        if (child.kind == Kind.NAMED) {
            throw new ConfException("named location \"" + child.name + "\" can be on the server level only "
                + where);
        }
        if (child.kind != Kind.REGEX && !child.name.startsWith(name)) {
            throw new ConfException("location \"" + child.name + "\" is outside location \"" + name + "\" "
                + where);
        }
    }
}
