package org.tonkla.demo;

import java.util.Collection;
import java.util.List;
import org.tonkla.indicators.IndicatorRefresh;

/**
 * The provinces of {@code generate --country}'s plan as it writes them, in the plan's order, for the indicator recompute
 * that runs alongside ({@link IndicatorRefresh.Writer}): a province is written once the generator has moved past it.
 */
final class WrittenProvinces implements IndicatorRefresh.Writer {

    private final List<String> order;
    /** How many provinces of {@link #order}, from the first, are written. */
    private int written;
    private boolean abandoned;
    private Throwable failure;

    WrittenProvinces(Collection<String> order) {
        this.order = List.copyOf(order);
    }

    @Override
    public List<String> provinces() {
        return order;
    }

    /** The generator has begun {@code province}: every province before it is written. */
    synchronized void writing(String province) {
        int i = order.indexOf(province);
        if (i > written) {
            written = i;
            notifyAll();
        }
    }

    synchronized void allWritten() {
        written = order.size();
        notifyAll();
    }

    /** The generator stopped: whoever waits for a province not written is told so. */
    synchronized void abandon() {
        abandoned = true;
        notifyAll();
    }

    @Override
    public synchronized void awaitWritten(String province) throws InterruptedException {
        int i = order.indexOf(province);
        while (i >= 0 && written <= i) {
            if (abandoned) throw new IllegalStateException("The generation stopped before province " + province + " was written");
            wait();
        }
    }

    /** Starts the recompute that follows the generation province by province; {@code started} is System.nanoTime(). */
    Thread recomputeAlongside(IndicatorRefresh indicators, long started) {
        System.out.println("The indicators are computed province by province as the children are written (a run cut off resumes).");
        return Thread.ofPlatform().name("indicators-alongside").start(() -> {
            try {
                indicators.recomputeAll((done, of) -> System.out.printf(java.util.Locale.ROOT, "  indicators: %d of %d provinces, %.0f s%n",
                        done, of, (System.nanoTime() - started) / 1e9), this);
            } catch (Throwable e) { // thrown in the generating thread at its next batch (rethrow)
                System.out.println("The indicators stopped (a rerun resumes them): " + e.getMessage());
                failed(e);
            }
        });
    }

    /** The provinces with a batch still to write (the generator writes a batch whose last child is not present). */
    static java.util.Set<String> toWrite(List<SyntheticCountry.PlanBatch> batches, java.util.Set<String> withSubdistricts,
            java.util.function.Predicate<SyntheticCountry.PlanBatch> present) {
        java.util.Set<String> provinces = new java.util.LinkedHashSet<>();
        for (SyntheticCountry.PlanBatch b : batches) {
            if (withSubdistricts.contains(b.province()) && !provinces.contains(b.province()) && !present.test(b)) provinces.add(b.province());
        }
        return provinces;
    }

    /** The recompute after the last batch, when it could not run alongside (an earlier run had computed every province). */
    static void recomputeAfter(IndicatorRefresh indicators) {
        long after = System.nanoTime();
        System.out.println("Computing the indicators of every child (a province per worker; a run cut off resumes) ...");
        indicators.recomputeAll((done, of) -> System.out.printf(java.util.Locale.ROOT, "  indicators: %d of %d provinces, %.0f s%n",
                done, of, (System.nanoTime() - after) / 1e9));
        System.out.printf(java.util.Locale.ROOT, "Indicators computed in %.0f s%n", (System.nanoTime() - after) / 1e9);
    }

    /** Waits for {@code thread} to end, interrupted or not: the recompute holds a transaction the command must not cut. */
    static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    synchronized void failed(Throwable e) {
        failure = e;
    }

    /** Throws what stopped the recompute, if anything did. */
    synchronized void rethrow() {
        switch (failure) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable e -> throw new IllegalStateException(e);
        }
    }
}
