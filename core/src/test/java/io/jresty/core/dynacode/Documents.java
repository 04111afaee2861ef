package io.jresty.core.dynacode;

/** Plugin documents the tests share, written as JSON text. */
final class Documents {
    private Documents() {}

    /** The README's example, shortened: content, header_filter and access plugins of dynamic.local.com. */
    static final String CLASSIC = """
            { "general": { "status": "enabled", "skip_domains": ["^skip\\\\.local\\\\.com$"] },
              "domains": [
                { "name": "dynamic.local.com",
                  "plugins": [
                    { "name": "dynamic content", "code": "ngx.say('hello')", "phase": "content" },
                    { "name": "cors", "code": "ngx.header['Access-Control-Allow-Origin'] = '*'", "phase": "header_filter" },
                    { "name": "auth", "code": "if ngx.var.arg_token ~= 'token' then return ngx.exit(403) end", "phase": "access" }
                  ] },
                { "name": "*",
                  "plugins": [ { "name": "everywhere", "code": "ngx.ctx.seen = true", "phase": "access" } ] }
              ] }
            """;

    /** The README roadmap shape: plugins listed once with ids, domains referring to them. */
    static final String ROADMAP = """
            { "general": { "status": "enabled" },
              "domains": [
                { "name": "dynamic.local.com", "plugins": [1, 2] },
                { "name": "other.local.com", "plugins": ["2"] }
              ],
              "plugins": [
                { "id": 1, "name": "dynamic content", "code": "ngx.say('hi')", "phase": "content" },
                { "id": 2, "name": "adding cors headers", "code": "ngx.header['X-Cors'] = '1'", "phase": "header_filter",
                  "budget_ms": 20, "fail": "closed", "fail_status": 503 }
              ] }
            """;

    /** A one-plugin document whose plugin's code is the given Lua, for the given host regex. */
    static String single(String domain, String name, String phase, String code) {
        return """
                { "general": { "status": "enabled" },
                  "domains": [ { "name": %s, "plugins": [ { "name": %s, "code": %s, "phase": %s } ] } ] }
                """.formatted(q(domain), q(name), q(code), q(phase));
    }

    static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
