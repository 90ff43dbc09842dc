package org.tonkla.exchange.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.exchange.RejectReason;
import org.tonkla.recordbook.RecordBookImports.ChildFacts;

/** What the PERSON file said about each HOSPCODE and PID, for the files that refer to it; and the directory look-ups. */
final class People {

    enum Status { CHILD, MOTHER, SKIPPED, REJECTED }

    /** A person of the zip; {@code facts} only for an accepted child. */
    record Person(Status status, ChildFacts facts, UUID unitId) {}

    private final Map<String, Person> byKey = new HashMap<>();
    private final Map<String, Optional<ServiceUnit>> units = new HashMap<>();
    private final Map<String, Boolean> areas = new HashMap<>();
    private final Directory directory;

    People(Directory directory) {
        this.directory = directory;
    }

    static String key(String hospcode, String pid) {
        return hospcode + "|" + pid;
    }

    void put(String key, Person p) {
        byKey.put(key, p);
    }

    boolean has(String key) {
        return byKey.containsKey(key);
    }

    /**
     * The person a service row refers to, when it is an accepted child.
     *
     * @return empty for a mother or a person outside 0–6 (the row is skipped, not rejected)
     * @throws RowFault ORPHAN without a PERSON row, PERSON_REJECTED when that row was rejected
     */
    Optional<Person> child(String key) {
        Person p = byKey.get(key);
        if (p == null) throw new RowFault(RejectReason.ORPHAN, "no PERSON row for this HOSPCODE and PID");
        if (p.status() == Status.REJECTED) throw new RowFault(RejectReason.PERSON_REJECTED, "the PERSON row was rejected");
        return p.status() == Status.CHILD ? Optional.of(p) : Optional.empty();
    }

    Person person(String key) {
        return byKey.get(key);
    }

    ServiceUnit unit(String hospcode) {
        Optional<ServiceUnit> unit = units.computeIfAbsent(hospcode, directory::serviceUnitByHospcode);
        if (unit.isEmpty()) throw new RowFault(RejectReason.UNKNOWN_HOSPCODE, "HOSPCODE " + hospcode);
        return unit.get();
    }

    /** The 6-digit DOPA subdistrict of CHANGWAT, AMPUR and TAMBON; empty when all are blank. */
    Optional<String> subdistrict(String changwat, String ampur, String tambon) {
        if (changwat.isEmpty() && ampur.isEmpty() && tambon.isEmpty()) return Optional.empty();
        String code = changwat + ampur + tambon;
        if (!code.matches("\\d{6}") || !areas.computeIfAbsent(code, c -> directory.area(c).isPresent())) {
            throw new RowFault(RejectReason.UNKNOWN_CODE, "CHANGWAT+AMPUR+TAMBON " + code + " is not a DOPA subdistrict");
        }
        return Optional.of(code);
    }

    static boolean isChild(LocalDate birth, LocalDate today) {
        return birth.isAfter(today.minusYears(7));
    }
}
