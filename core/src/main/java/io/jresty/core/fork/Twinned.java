package io.jresty.core.fork;

import java.util.function.Consumer;
import java.util.function.Function;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua values made by one Java object of a worker (a module's table and functions over its
 * options or listeners) that a forked worker gets from its own copy of that object. The first
 * of them the copy meets calls the owner's {@code twin} hook, which builds the worker's object
 * and names the counterpart of every one of them with {@link ForkCopy#counterpart}; a twin
 * hook runs once per copy (use {@link ForkCopy#once}).
 */
public final class Twinned {
    private Twinned() {}

    /** A table of the owner; its counterpart gets this table's entries, as any copied table. */
    public static final class Table extends LuaTable implements Forkable {
        private final Consumer<ForkCopy> twin;

        public Table(Consumer<ForkCopy> twin) {
            this.twin = twin;
        }

        @Override
        public LuaValue forkInto(ForkCopy copy) {
            twin.accept(copy);
            return copy.of(this);
        }
    }

    /** A function of the owner. */
    public static final class Call extends VarArgFunction implements Forkable {
        private final Function<Varargs, Varargs> body;
        private final Consumer<ForkCopy> twin;

        public Call(String name, Function<Varargs, Varargs> body, Consumer<ForkCopy> twin) {
            this.name = name;
            this.body = body;
            this.twin = twin;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return body.apply(args);
        }

        @Override
        public LuaValue forkInto(ForkCopy copy) {
            twin.accept(copy);
            return copy.of(this);
        }
    }
}
