package io.jresty.core.bench;

import io.jresty.core.budget.Budget;
import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import io.jresty.core.sandbox.PluginLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;

/**
 * AllocationBench's kernels and limits, measured so that a crowded machine does not drown the
 * difference: the variants take turns in short rounds inside one JVM (load that comes and goes
 * hits them alike), and each round counts this thread's CPU time, not wall time. Prints the
 * median per kernel and variant, and each variant's ratio to TIME_ONLY (no allocation limit).
 * Run with -Djresty.alloc_meter=off for the hooks switched off. Arguments: rounds (default 40).
 */
public final class AllocationCost {
    private AllocationCost() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        ChunkCompiler c = ChunkCompiler.shared();
        c.compile("""
                cjson = require 'cjson'
                local items = {}
                for i = 1, 200 do items[i] = {id = i, name = 'item' .. i, price = i % 20} end
                doc = cjson.encode({items = items})
                """, "=setup").bind(g).call();
        String[] names = {"cpuLoop", "smallTables", "pluginJson"};
        LuaFunction[] kernels = {
            c.compile(AllocationBench.LOOP, "=loop").bind(g),
            c.compile(AllocationBench.TABLES, "=tables").bind(g),
            c.compile(AllocationBench.PLUGIN, "=plugin").bind(g),
        };
        AllocationBench.Limits[] variants = AllocationBench.Limits.values();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<List<List<Double>>> samples = new ArrayList<>();
        for (int k = 0; k < kernels.length; k++) {
            List<List<Double>> perVariant = new ArrayList<>();
            for (int v = 0; v < variants.length; v++) {
                perVariant.add(new ArrayList<>());
            }
            samples.add(perVariant);
        }
        for (int round = -10; round < rounds; round++) {
            for (int k = 0; k < kernels.length; k++) {
                for (int v = 0; v < variants.length; v++) {
                    int variant = (v + round + 30) % variants.length;
                    long cpu = mx.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    int ops = 0;
                    while (System.nanoTime() - wall < 100_000_000L) {
                        run(variants[variant], kernels[k]);
                        ops++;
                    }
                    if (round >= 0) {
                        samples.get(k).get(variant).add((mx.getCurrentThreadCpuTime() - cpu) / 1e3 / ops);
                    }
                }
            }
        }
        System.out.printf("alloc meter %s, %d rounds, median thread CPU us/op%n",
                System.getProperty("jresty.alloc_meter", "on"), rounds);
        for (int k = 0; k < kernels.length; k++) {
            double base = median(samples.get(k).get(AllocationBench.Limits.TIME_ONLY.ordinal()));
            for (int v = 0; v < variants.length; v++) {
                double m = median(samples.get(k).get(v));
                System.out.printf("%-12s %-15s %10.1f  %.3fx%n", names[k], variants[v], m, m / base);
            }
        }
    }

    private static void run(AllocationBench.Limits limits, LuaFunction f) throws Exception {
        switch (limits) {
            case UNBUDGETED -> f.call();
            case TIME_ONLY -> Budget.run(Duration.ofSeconds(1), 0, "bench", () -> PluginLimits.run(f::call));
            case TIME_AND_ALLOC -> Budget.run(Duration.ofSeconds(1), 1L << 30, "bench", () -> PluginLimits.run(f::call));
        }
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? Double.NaN : a[a.length / 2];
    }
}
