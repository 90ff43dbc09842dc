package org.tonkla.directory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tonkla.directory.UnitOwners;

/**
 * Loads the national list of health units on first start, after the areas and agencies, through the
 * same import as an administrator's upload (so it is history too), and brings due owner changes into
 * the stored column. {@code tonkla.directory.units.load-shipped=false} skips the list.
 */
@Component
@Order(11)
class ShippedUnits implements ApplicationRunner {

    static final String RESOURCE = "reference/health-units/health-units.csv.gz";
    private static final Logger log = LoggerFactory.getLogger(ShippedUnits.class);

    private final UnitLists lists;
    private final UnitOwners owners;
    private final boolean enabled;

    ShippedUnits(UnitLists lists, UnitOwners owners, @Value("${tonkla.directory.units.load-shipped:true}") boolean enabled) {
        this.lists = lists;
        this.owners = owners;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            long start = System.nanoTime();
            if (lists.importOnce(RESOURCE, read(), "tonkla")) {
                log.info("Loaded the national list of health units in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
        }
        owners.applyDue();
    }

    static byte[] read() {
        try (var in = new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
