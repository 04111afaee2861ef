package io.jresty.core.bench;

import io.jresty.core.budget.Budget;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** What arming and disarming the watchdog costs per budgeted call (the work itself is empty). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BudgetBench {
    private static final Duration LIMIT = Duration.ofSeconds(1);

    @Benchmark
    public Integer budgetedEmptyCall() throws Exception {
        return Budget.run(LIMIT, "bench", () -> 1);
    }

    @Benchmark
    public void tick() {
        Budget.tick();
    }
}
