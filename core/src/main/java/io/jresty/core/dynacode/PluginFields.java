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
        long budget = positive(p, "budget_ms", at);
        long alloc = positive(p, "alloc_mb", at);
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
        if (budget == 0 && alloc == 0 && !closed && status == PluginPolicy.DEFAULT.failStatus()) {
            return PluginPolicy.DEFAULT;
        }
        return new PluginPolicy(budget, closed, status, alloc);
    }

    /** An optional whole positive number (0 when absent). */
    private static long positive(JsonNode p, String field, String at) throws DocumentException {
        JsonNode n = p.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return 0;
        }
        if (!n.isNumber() || n.asLong() <= 0) {
            throw DocumentException.structure(at + " has a \"" + field + "\" that is not a positive number");
        }
        return n.asLong();
    }
}
