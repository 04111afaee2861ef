package io.jresty.core.ffi;

import io.jresty.core.fork.ForkCopy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.luaj.vm2.LuaValue;

/**
 * The ffi side of one fork (nginx's fork copies the process's memory): the worker gets its own
 * declarations, struct types and blocks, each block at its source's address, so pointers stored
 * in memory and addresses kept as numbers (ffi.cast("uintptr_t", p)) stay valid there. One per
 * {@link ForkCopy}, so cdata, ctypes and ffi modules of one state agree on their counterparts.
 */
final class FfiFork {
    private static final Object KEY = new Object();

    private final ForkCopy copy;
    private final Map<CTypes, CTypes> declarations = new IdentityHashMap<>();
    private final Map<StructType, StructType> structs = new IdentityHashMap<>();
    private final Map<Block, Block> blocks = new IdentityHashMap<>();
    /** Copied blocks whose stored pointers still point at the source's blocks. */
    private final Deque<Block> unlinked = new ArrayDeque<>();

    private FfiFork(ForkCopy copy) {
        this.copy = copy;
    }

    static FfiFork of(ForkCopy copy) {
        return copy.once(KEY, () -> new FfiFork(copy));
    }

    /** The worker's declarations made from {@code source}'s; null stays null (strings, number boxes). */
    CTypes types(CTypes source) {
        if (source == null) {
            return null;
        }
        CTypes done = declarations.get(source);
        if (done == null) {
            done = source.fork(this::type);
            declarations.put(source, done);
        }
        return done;
    }

    /** The worker's counterpart of a type: numbers are the JVM's, a struct is the worker's own. */
    CType type(CType t) {
        return switch (t) {
            case CType.Scalar s -> s;
            case CType.Pointer p -> new CType.Pointer(type(p.target()), p.constant());
            case CType.Array a -> new CType.Array(type(a.element()), a.length());
            case CType.Ref r -> new CType.Ref(type(r.target()));
            case StructType s -> struct(s);
        };
    }

    private StructType struct(StructType source) {
        StructType done = structs.get(source);
        if (done == null) {
            done = source.shell();
            // listed before its members are mapped: a struct may point at itself
            structs.put(source, done);
            LuaValue mt = source.metatype();
            done.defineAs(source, this::type, mt == null ? null : copy.of(mt));
        }
        return done;
    }

    /** The worker's copy of a block, and of every block its stored pointers lead to. */
    Block block(Block source) {
        if (source == null) {
            return null;
        }
        Block done = twin(source);
        // a long chain of blocks is linked in a loop here rather than by recursion
        while (!unlinked.isEmpty()) {
            Block b = unlinked.poll();
            blocks.get(b).targetsFrom(b, this::twin);
        }
        return done;
    }

    private Block twin(Block source) {
        Block done = blocks.get(source);
        if (done == null) {
            done = source.twin(types(source.owner));
            blocks.put(source, done);
            unlinked.add(source);
        }
        return done;
    }
}
