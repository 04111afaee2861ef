package io.jresty.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** Compiled chunks that nobody holds any more leave no classes behind (no metaspace creep). */
class ClassUnloadingTest {
    private static final int CHUNKS = 10_000;

    @Test
    void droppedChunksAreUnloaded() {
        ChunkCompiler compiler = new ChunkCompiler(new ChunkCompiler.Settings(64, true, true));
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long unloadedBefore = classes.getUnloadedClassCount();
        compileAndDrop(compiler, 0, CHUNKS / 2);
        long firstHalf = metaspaceAfterGc();
        compileAndDrop(compiler, CHUNKS / 2, CHUNKS);
        long secondHalf = metaspaceAfterGc();
        long unloaded = classes.getUnloadedClassCount() - unloadedBefore;
        System.out.printf("metaspace used after %d chunks: %.1f MB, after %d: %.1f MB; classes unloaded: %d%n",
                CHUNKS / 2, firstHalf / 1e6, CHUNKS, secondHalf / 1e6, unloaded);
        assertThat(compiler.stats().compiles()).isEqualTo(CHUNKS);
        assertThat(secondHalf - firstHalf).isLessThan(64L << 20);
        // each chunk is two classes (main function and the inner one); all but the cached few go
        assertThat(unloaded).isGreaterThan(CHUNKS);
    }

    private static void compileAndDrop(ChunkCompiler compiler, int from, int to) {
        for (int i = from; i < to; i++) {
            String source = "local token = ... if token ~= 'token" + i + "' then return function() return 403 end end return 200";
            var chunk = compiler.compile(source, "=plugin" + i);
            assertThat(chunk.compiled()).isTrue();
            chunk.bind(new LuaTable()).call(LuaValue.valueOf("token" + i));
        }
    }

    private static long metaspaceAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed())
                .findFirst().orElseThrow();
    }
}
