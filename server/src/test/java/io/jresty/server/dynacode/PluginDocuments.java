package io.jresty.server.dynacode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds plugin documents for the tests, so Lua code needs no JSON escaping by hand. */
final class PluginDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode domains;

    PluginDocuments(String status, String... skipDomains) {
        ObjectNode general = root.putObject("general");
        general.put("status", status);
        ArrayNode skip = general.putArray("skip_domains");
        for (String s : skipDomains) {
            skip.add(s);
        }
        domains = root.putArray("domains");
    }

    static PluginDocuments enabled(String... skipDomains) {
        return new PluginDocuments("enabled", skipDomains);
    }

    /** Adds a domain with plugins given as (name, phase, code) triples. */
    PluginDocuments domain(String name, String... plugins) {
        ObjectNode d = domains.addObject();
        d.put("name", name);
        ArrayNode list = d.putArray("plugins");
        for (int i = 0; i < plugins.length; i += 3) {
            ObjectNode p = list.addObject();
            p.put("name", plugins[i]);
            p.put("phase", plugins[i + 1]);
            p.put("code", plugins[i + 2]);
        }
        return this;
    }

    /** Sets an extra field (budget_ms, fail, fail_status) on every plugin of that name. */
    PluginDocuments with(String pluginName, String field, Object value) {
        for (var d : domains) {
            for (var p : d.get("plugins")) {
                if (p.get("name").asText().equals(pluginName)) {
                    ((ObjectNode) p).putPOJO(field, value);
                }
            }
        }
        return this;
    }

    String json() {
        return root.toString();
    }

    /** The three plugins of the dynacode example, for dynamic.test. */
    static String threePlugins(String greeting) {
        return enabled().domain("dynamic.test",
                "hello", "content", "ngx.say('" + greeting + "')",
                "cors", "header_filter", "ngx.header['Access-Control-Allow-Origin'] = '*'",
                "token", "access", """
                        local token = ngx.var.arg_token or ngx.var.cookie_superstition
                        if token ~= 'token' then
                          return ngx.exit(ngx.HTTP_FORBIDDEN)
                        end
                        ngx.header['Set-Cookie'] = {'superstition=token'}""").json();
    }
}
