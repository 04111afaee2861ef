package io.jresty.core.dynacode;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one plugin object's fields, dynacode's three and our optional policy fields. */
final class PluginFields {
    private PluginFields() {}

    static PluginSpec read(JsonNode p, String id, String where) throws DocumentException {
        JsonNode name = p.path("name");
        String label = name.isValueNode() && !name.isNull() ? name.asText() : "nil";
        String at = where + " (" + label + ")";
        JsonNode code = p.path("code");
        if (!code.isTextual()) {
            throw DocumentException.structure(at + " has no \"code\" string");
        }
        JsonNode phase = p.path("phase");
        if (!phase.isTextual()) {
            throw DocumentException.structure(at + " has no \"phase\" string");
        }
        boolean skip = p.path("skip").asBoolean(false);
        return new PluginSpec(id, label, code.asText(), phase.asText(), skip, policy(p, at));
    }

    private static PluginPolicy policy(JsonNode p, String at) throws DocumentException {
        long budget = 0;
        JsonNode b = p.path("budget_ms");
        if (!b.isMissingNode() && !b.isNull()) {
            if (!b.isNumber() || b.asLong() <= 0) {
                throw DocumentException.structure(at + " has a \"budget_ms\" that is not a positive number");
            }
            budget = b.asLong();
        }
        boolean closed = false;
        JsonNode f = p.path("fail");
        if (!f.isMissingNode() && !f.isNull()) {
            String v = f.asText();
            if (!f.isTextual() || !(v.equals("open") || v.equals("closed"))) {
                throw DocumentException.structure(at + " has a \"fail\" other than \"open\" or \"closed\"");
            }
            closed = v.equals("closed");
        }
        int status = PluginPolicy.DEFAULT.failStatus();
        JsonNode s = p.path("fail_status");
        if (!s.isMissingNode() && !s.isNull()) {
            if (!s.isIntegralNumber() || s.asInt() < 100 || s.asInt() > 599) {
                throw DocumentException.structure(at + " has a \"fail_status\" outside 100..599");
            }
            status = s.asInt();
        }
        if (budget == 0 && !closed && status == PluginPolicy.DEFAULT.failStatus()) {
            return PluginPolicy.DEFAULT;
        }
        return new PluginPolicy(budget, closed, status);
    }
}
