package io.jresty.core.dynacode;

/** A plugin of the document that did not compile and is left out of the snapshot. */
public record CompileFailure(String domain, PluginSpec plugin, String error) {}
