package io.jresty.core.fork;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * Copies a function LuaJC compiled. Its class is generated per Lua function and holds the
 * upvalues in instance fields: a {@code LuaValue} for an upvalue nobody assigns after the
 * closure is made, a one-slot {@code LuaValue[]} cell for one that is assigned (the cell is
 * shared by every closure of that variable). A copy is a new instance with its fields copied.
 */
final class CompiledFunctionCopy {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private CompiledFunctionCopy() {}

    static LuaValue of(LuaValue source, LuaStateCopy copy) {
        Shape shape = SHAPES.get(source.getClass());
        LuaValue target;
        try {
            target = (LuaValue) shape.constructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new LuaError("cannot copy compiled function " + source.getClass().getName() + ": " + e);
        }
        // the fields are filled after the instance is known, so a function that is its own
        // upvalue (a recursive local function) points at its copy
        copy.later(() -> {
            try {
                for (Field f : shape.fields()) {
                    Object v = f.get(source);
                    if (v instanceof LuaValue value) {
                        f.set(target, copy.of(value));
                    } else if (v instanceof LuaValue[] cell) {
                        f.set(target, copy.cell(cell));
                    } else {
                        f.set(target, v);
                    }
                }
            } catch (IllegalAccessException e) {
                throw new LuaError("cannot copy compiled function " + source.getClass().getName() + ": " + e);
            }
        });
        return target;
    }

    /** The no-argument constructor and every instance field, up to LuaValue, made accessible. */
    private record Shape(Constructor<?> constructor, List<Field> fields) {
        static Shape of(Class<?> type) {
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                List<Field> fields = new ArrayList<>();
                for (Class<?> c = type; c != null && c != LuaValue.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(f.getModifiers())) {
                            f.setAccessible(true);
                            fields.add(f);
                        }
                    }
                }
                return new Shape(constructor, List.copyOf(fields));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("compiled function without a plain constructor: " + type, e);
            }
        }
    }
}
