package io.jresty.ngx.dynacode;

import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Forkable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The Lua values of one worker's controller (its module table, events table and functions).
 * When init_by_lua's state is copied into another worker, the first of them met makes that
 * worker its own controller ({@code twin}), which names the counterpart of every one of them:
 * the copied module then calls the worker's controller, not the first worker's.
 */
final class ControllerPart {
    private ControllerPart() {}

    /** A table of the controller; the copy fills its counterpart with this one's entries. */
    static final class Table extends LuaTable implements Forkable {
        private final Consumer<ForkCopy> twin;

        Table(Consumer<ForkCopy> twin) {
            this.twin = twin;
        }

        @Override
        public LuaValue forkInto(ForkCopy copy) {
            twin.accept(copy);
            return copy.of(this);
        }
    }

    /** A function of the controller. */
    static final class Call extends VarArgFunction implements Forkable {
        private final Function<Varargs, Varargs> body;
        private final Consumer<ForkCopy> twin;

        Call(String name, Function<Varargs, Varargs> body, Consumer<ForkCopy> twin) {
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
