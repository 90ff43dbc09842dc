package org.tonkla.directory.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads Thailand's areas and the agencies on start-up, with {@code COPY} into staging tables.
 * Idempotent: areas load once; agencies are added when missing and never overwrite what an
 * administrator changed. An advisory lock keeps two nodes starting together from loading twice.
 */
@Component
@Order(10)
class ReferenceData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);
    private static final long LOCK = 0x70_6b_6c_61_72_65_66L; // arbitrary, constant across nodes
    private final DataSource dataSource;

    ReferenceData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                var rs = s.executeQuery("SELECT count(*) FROM area");
                rs.next();
                if (rs.getLong(1) == 0) {
                    loadAreas(c);
                }
                loadAgencies(c);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load reference data", e);
        }
    }

    private void loadAreas(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE stage_province (code text, name_th text, name_en text, region_id smallint,
                        region_th text, region_en text) ON COMMIT DROP;
                    CREATE TEMP TABLE stage_district (code text, province_code text, name_th text, name_en text,
                        postal_code text) ON COMMIT DROP;
                    CREATE TEMP TABLE stage_subdistrict (code text, district_code text, province_code text,
                        name_th text, name_en text, postal_code text) ON COMMIT DROP;""");
            copy(c, "stage_province", "reference/thai-geo/provinces.csv");
            copy(c, "stage_district", "reference/thai-geo/districts.csv");
            copy(c, "stage_subdistrict", "reference/thai-geo/subdistricts.csv");
            s.execute("""
                    INSERT INTO area (code, level, parent_code, name_th, name_en, region_id)
                      SELECT code, 'PROVINCE', NULL, name_th, name_en, region_id FROM stage_province;
                    INSERT INTO area (code, level, parent_code, name_th, name_en, postal_code)
                      SELECT code, 'DISTRICT', province_code, name_th, name_en, postal_code FROM stage_district;
                    INSERT INTO area (code, level, parent_code, name_th, name_en, postal_code)
                      SELECT code, 'SUBDISTRICT', district_code, name_th, name_en, postal_code FROM stage_subdistrict;""");
        }
        log.info("Loaded Thailand's administrative areas (DOPA codes)");
    }

    private void loadAgencies(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE stage_agency (code text, parent_code text, kind text, name_th text, name_en text,
                        mou_party boolean) ON COMMIT DROP""");
            copy(c, "stage_agency", "reference/agencies.csv");
            // Parents first: ministries and organizations have no parent.
            s.execute("""
                    INSERT INTO agency (code, parent_code, kind, name_th, name_en, mou_party)
                      SELECT code, nullif(parent_code, ''), kind, name_th, name_en, mou_party FROM stage_agency
                      ORDER BY parent_code NULLS FIRST
                    ON CONFLICT (code) DO NOTHING""");
        }
    }

    private static void copy(Connection c, String table, String resource) throws SQLException {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
