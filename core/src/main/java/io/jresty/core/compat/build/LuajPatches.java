package io.jresty.core.compat.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/**
 * Build step (process-classes, see core/pom.xml): writes patched copies of LuaJ classes
 * into core's classes directory. Core's classes come before the luaj-jse jar on every
 * classpath (and the shaded server jar takes core's copy first), so the copies shadow
 * the originals; {@code LuaCompat.verifyPatched()} checks that at start.
 */
public final class LuajPatches {
    private LuajPatches() {}

    /** A patch: the class file's path, and the transformation of its bytes. */
    private record Patch(String target, Transform transform) {}

    @FunctionalInterface
    private interface Transform {
        byte[] apply(byte[] original) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LuajPatches <classes directory>");
        }
        for (Patch p : new Patch[] {
                new Patch(LuaDoublePatch.TARGET, LuaDoublePatch::patch),
                new Patch(LuaErrorPatch.TARGET, LuaErrorPatch::patch),
                new Patch(LuaClosurePatch.TARGET, LuaClosurePatch::patch),
                new Patch(LuaTablePatch.TARGET, b -> AllocationPatch.table(LuaTablePatch.patch(b))),
                new Patch(AllocationPatch.STRING_TARGET, AllocationPatch::string),
                new Patch(NegativeZeroPatch.INTEGER, NegativeZeroPatch::patchInteger),
                new Patch(NegativeZeroPatch.FUNC_STATE, NegativeZeroPatch::patchFuncState),
                new Patch(LuaJcConstantPatch.TARGET, b -> LuaJcConstantPatch.patch(LuaJavaBuilderPatch.patch(b)))}) {
            Path out = Path.of(args[0]).resolve(p.target());
            Files.createDirectories(out.getParent());
            Files.write(out, p.transform().apply(originalFromJar(p.target())));
            System.out.println("[jresty] patched " + p.target() + " -> " + out);
        }
    }

    /** The class as the LuaJ jar ships it; our own patched copy may already be on the classpath, so skip directories. */
    private static byte[] originalFromJar(String target) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (URL url : Collections.list(loader.getResources(target))) {
            if (url.getProtocol().equals("jar")) {
                try (InputStream in = url.openStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("LuaJ's " + target + " not found in a jar on the classpath");
    }
}
