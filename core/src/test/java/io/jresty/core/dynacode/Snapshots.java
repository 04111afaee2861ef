package io.jresty.core.dynacode;

import io.jresty.core.compile.ChunkCompiler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds snapshots straight from JSON text, recording events and log lines, for unit tests. */
final class Snapshots {
    final List<DynacodeEvent> events = new CopyOnWriteArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final PluginCompiler compiler = new PluginCompiler(ChunkCompiler.shared());
    private final SnapshotBuilder builder;

    Snapshots() {
        DynacodeEvents sink = new DynacodeEvents(log::add);
        sink.on(events::add);
        builder = new SnapshotBuilder(compiler, sink, log::add, 64);
    }

    PluginSnapshot build(String json) throws DocumentException {
        return build(json, null);
    }

    PluginSnapshot build(String json, PluginSnapshot previous) throws DocumentException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return builder.build(DocumentParser.parse(body), PluginUpdater.sha256(body), "test", Instant.EPOCH, previous);
    }

    List<String> eventNames() {
        return events.stream().map(DynacodeEvent::name).toList();
    }
}
