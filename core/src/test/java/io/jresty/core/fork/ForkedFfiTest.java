package io.jresty.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ffi memory made by init: a forked worker owns a copy at the same addresses, as after nginx's fork. */
class ForkedFfiTest {
    private static final String INIT = """
            ffi = require "ffi"
            ffi.cdef[[
                typedef struct node { struct node *next; int value; } node_t;
                enum { RING = 3 };
            ]]
            node_t = ffi.typeof("node_t")
            local ptr_t = ffi.typeof("node_t *")
            ring = ffi.new("node_t[?]", ffi.C.RING)
            for i = 0, 2 do
                ring[i].value = i * 10
                ring[i].next = ring + (i + 1) % 3
            end
            -- a block only a pointer stored in another block leads to
            head = ffi.new("node_t")
            head.next = ffi.new("node_t")
            head.next.next = ring + 1
            keep = head.next
            -- addresses kept as numbers, as lua-resty-lrucache keeps its nodes' keys
            index = {}
            for i = 0, 2 do index[tonumber(ffi.cast("uintptr_t", ring + i))] = "n" .. i end
            function at(address) return ffi.cast(ptr_t, address) end
            local new = ffi.new
            function fresh() return new("node_t") end
            """;

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void pointersAndAddressesStayValidAndEachWorkerWritesItsOwnCopy(boolean compiled) {
        Fork f = Fork.after(INIT, compiled);
        String addresses = "return tostring(ring) .. ' ' .. tostring(head.next.next)";
        assertThat(f.inWorker(addresses).tojstring()).isEqualTo(f.inMaster(addresses).tojstring());
        assertThat(f.inWorker("return ring[2].next.next.value .. ' ' .. head.next.next.next.value").tojstring())
                .isEqualTo("10 20");
        assertThat(f.inWorker("return index[tonumber(ffi.cast('uintptr_t', head.next.next.next))]").tojstring())
                .isEqualTo("n2");
        assertThat(f.inWorker("local k = next(index) return at(k).value .. ' ' .. index[k]").tojstring())
                .isEqualTo(f.inMaster("local k = next(index) return at(k).value .. ' ' .. index[k]").tojstring());

        f.inWorker("ring[1].value = 99 head.next.next.next.value = 77 keep.value = 5");
        assertThat(f.inWorker("return ring[0].next.value .. ' ' .. ring[2].value .. ' ' .. head.next.value").tojstring())
                .isEqualTo("99 77 5");
        assertThat(f.inMaster("return ring[0].next.value .. ' ' .. ring[2].value .. ' ' .. head.next.value").tojstring())
                .isEqualTo("10 20 0");
        // one block in the master is one block in the worker: head.next and keep are the same memory
        assertThat(f.inWorker("return tostring(head.next == keep) .. ' ' .. tostring(keep == head.next.next.next.next.next)")
                .tojstring()).isEqualTo("true false");
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void theWorkerKnowsInitsDeclarationsAndItsCtypesAllocateInItsMemory(boolean compiled) {
        Fork f = Fork.after(INIT, compiled);
        assertThat(f.inWorker("local n = node_t() n.next = ring n.next.next.value = 8 "
                + "return tostring(ffi.istype(node_t, n)) .. ' ' .. tostring(ffi.istype(node_t, ring[0])) .. ' ' "
                + ".. tostring(ffi.istype('node_t', fresh())) .. ' ' .. ring[1].value .. ' ' .. ffi.C.RING")
                .tojstring()).isEqualTo("true true true 8 3");
        // an address of the worker's own new memory is found by the worker, not by the master
        f.inWorker("mine = ffi.new('node_t[1]') mine[0].value = 42 mine_at = tonumber(ffi.cast('uintptr_t', mine))");
        assertThat(f.inWorker("return at(mine_at).value").toint()).isEqualTo(42);
        long mine = f.worker().get("mine_at").tolong();
        assertThat(f.inMaster("return select(2, pcall(function() return at(" + mine + ").value end))").tojstring())
                .contains("invalid memory access");
        assertThat(f.master().get("ffi").get("new")).isNotSameAs(f.worker().get("ffi").get("new"));
        f.inWorker("ffi.cdef[[ typedef struct { int x; } later_t; ]]");
        assertThat(f.inWorker("return ffi.sizeof('later_t')").toint()).isEqualTo(4);
        assertThat(f.inMaster("return select(2, pcall(ffi.sizeof, 'later_t'))").tojstring()).contains("later_t");
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void aMetatypeMadeAtInitIsTheWorkersCopy(boolean compiled) {
        Fork f = Fork.after(INIT + """
                ffi.cdef[[ typedef struct { int n; } counter_t; ]]
                local methods = { label = "c" }
                function methods.bump(self) self.n = self.n + 1 return methods.label .. self.n end
                counter_t = ffi.metatype("counter_t", { __index = methods })
                counter = counter_t()
                label_of = methods
                """, compiled);
        f.inWorker("label_of.label = 'w'");
        assertThat(f.inWorker("counter:bump() return counter:bump() .. ' ' .. counter_t():bump()").tojstring())
                .isEqualTo("w2 w1");
        assertThat(f.inMaster("return counter:bump()").tojstring()).isEqualTo("c1");
    }
}
