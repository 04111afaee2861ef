package io.jresty.core.dynacode;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a plugin document, classic or roadmap format, and rejects it whole on a structural
 * error with a reason that names the offending domain or plugin. dynacode rejects the same
 * shapes (its compile loop throws inside the poll's pcall); we say why.
 */
final class DocumentParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentParser() {}

    static PluginDocument parse(byte[] body) throws DocumentException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException | RuntimeException e) {
            throw new DocumentException("invalid JSON: " + firstLine(e.getMessage()), true);
        } catch (java.io.IOException e) {
            throw new DocumentException("invalid JSON: " + e.getMessage(), true);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new DocumentException("the document is not a JSON object", true);
        }
        JsonNode general = root.path("general");
        String status = general.path("status").isTextual() ? general.path("status").asText() : null;
        List<String> skip = skipDomains(general.path("skip_domains"));
        Map<String, PluginSpec> byId = sharedPlugins(root.path("plugins"));

        JsonNode domains = root.path("domains");
        if (!domains.isArray()) {
            throw DocumentException.structure("the document has no \"domains\" array");
        }
        List<PluginDocument.DomainSpec> parsed = new ArrayList<>(domains.size());
        for (int i = 0; i < domains.size(); i++) {
            parsed.add(domain(domains.get(i), i + 1, byId));
        }
        return new PluginDocument(status, List.copyOf(skip), List.copyOf(parsed));
    }

    private static List<String> skipDomains(JsonNode node) throws DocumentException {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw DocumentException.structure("\"general.skip_domains\" must be an array of strings");
        }
        for (JsonNode entry : node) {
            if (!entry.isTextual()) {
                throw DocumentException.structure("\"general.skip_domains\" must be an array of strings");
            }
            out.add(entry.asText());
        }
        return out;
    }

    /** The roadmap format's top-level plugin list, by id; empty for the classic format. */
    private static Map<String, PluginSpec> sharedPlugins(JsonNode node) throws DocumentException {
        Map<String, PluginSpec> byId = new HashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return byId;
        }
        if (!node.isArray()) {
            throw DocumentException.structure("the top-level \"plugins\" must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            JsonNode id = p.path("id");
            if (!id.isTextual() && !id.isIntegralNumber()) {
                throw DocumentException.structure("plugin #" + (i + 1) + " of \"plugins\" has no \"id\"");
            }
            String where = "plugin id " + id.asText();
            PluginSpec spec = PluginFields.read(p, id.asText(), where);
            if (byId.putIfAbsent(id.asText(), spec) != null) {
                throw DocumentException.structure("plugin id " + id.asText() + " is defined twice");
            }
        }
        return byId;
    }

    private static PluginDocument.DomainSpec domain(JsonNode d, int index, Map<String, PluginSpec> byId)
            throws DocumentException {
        if (!d.isObject()) {
            throw DocumentException.structure("domain #" + index + " is not an object");
        }
        JsonNode name = d.path("name");
        if (!name.isTextual()) {
            throw DocumentException.structure("domain #" + index + " has no \"name\" string");
        }
        String where = "domain " + name.asText();
        JsonNode plugins = d.path("plugins");
        if (!plugins.isArray()) {
            throw DocumentException.structure(where + " has no \"plugins\" array");
        }
        List<PluginSpec> specs = new ArrayList<>(plugins.size());
        for (int j = 0; j < plugins.size(); j++) {
            JsonNode p = plugins.get(j);
            if (p.isObject()) {
                specs.add(PluginFields.read(p, null, where + " plugin #" + (j + 1)));
            } else if (p.isTextual() || p.isIntegralNumber()) {
                PluginSpec shared = byId.get(p.asText());
                if (shared == null) {
                    throw DocumentException.structure(where + " refers to unknown plugin id " + p.asText());
                }
                specs.add(shared);
            } else {
                throw DocumentException.structure(where + " plugin #" + (j + 1) + " is neither an object nor an id");
            }
        }
        return new PluginDocument.DomainSpec(name.asText(), List.copyOf(specs));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
