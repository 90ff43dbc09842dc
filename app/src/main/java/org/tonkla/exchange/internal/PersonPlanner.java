package org.tonkla.exchange.internal;

import static org.tonkla.exchange.internal.F43Checks.field;
import static org.tonkla.exchange.internal.F43Checks.required;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tonkla.exchange.RejectReason;
import org.tonkla.exchange.internal.People.Person;
import org.tonkla.exchange.internal.People.Status;
import org.tonkla.recordbook.RecordBookImports.ChildFacts;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildImports.ImportedChild;
import org.tonkla.registry.ChildImports.ImportedEnrolment;
import org.tonkla.registry.ChildImports.ImportedGuardian;
import org.tonkla.registry.ChildrenByNationalId;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.Sex;

/**
 * PERSON, ADDRESS and HOME: which rows are children 0–6 and their mothers (PERSON.MOTHER), where each
 * child lives (ADDRESS, else HOME, else the health center's subdistrict), and which children the registry
 * holds already (by national ID: their records join that child, a linked record).
 */
final class PersonPlanner {

    private static final List<String> PERSON_COLUMNS = List.of("HOSPCODE", "PID", "CID", "NAME", "LNAME", "SEX", "BIRTH");
    private static final List<String> ADDRESS_COLUMNS = List.of("HOSPCODE", "PID", "ADDRESSTYPE", "CHANGWAT", "AMPUR", "TAMBON");
    private static final List<String> HOME_COLUMNS = List.of("HOSPCODE", "HID");

    /** A PERSON row that passed its checks: a child 0–6 or a possible mother. */
    private record Candidate(String key, String hospcode, String pid, String cid, String hid, String name, String lname,
            Sex sex, LocalDate birth, String motherCid, LocalDate moveIn, UUID unitId, String unitSubdistrict, boolean child) {}

    /** A place from ADDRESS or HOME. */
    private record Place(String subdistrict, String houseNo, Double latitude, Double longitude) {}

    private final People people;
    private final ChildrenByNationalId registered;
    private final LocalDate today;
    private final int batchRows;

    PersonPlanner(People people, ChildrenByNationalId registered, LocalDate today, int batchRows) {
        this.people = people;
        this.registered = registered;
        this.today = today;
        this.batchRows = batchRows;
    }

    /** The identity (CID, name, sex, birth) the first row of each HOSPCODE+PID and of each CID gave. */
    private final Map<String, String> identityByKey = new HashMap<>();
    private final Map<String, String> identityByCid = new HashMap<>();

    List<Batch> plan(F43Zip zip) {
        F43File person = zip.files().get("PERSON");
        Map<Integer, Object> outcomes = new HashMap<>(); // line -> Candidate, RowFault, "duplicate" or "skipped"
        Set<String> motherCids = motherCids(person);
        for (var row : person.rows()) outcomes.put(row.line(), person(person, row, motherCids));
        List<Batch> batches = new ArrayList<>();
        Map<String, Place> addresses = new HashMap<>();
        Map<String, Place> homes = new HashMap<>();
        if (zip.files().containsKey("ADDRESS")) batches.addAll(addresses(zip.files().get("ADDRESS"), addresses));
        if (zip.files().containsKey("HOME")) batches.addAll(homes(zip.files().get("HOME"), homes));
        batches.addAll(0, persons(person, outcomes, addresses, homes));
        return batches;
    }

    private Set<String> motherCids(F43File f) {
        var at = f.columns();
        Set<String> cids = new HashSet<>();
        for (var row : f.rows()) {
            try {
                if (row.fields().length == f.header().size()
                        && People.isChild(F43Checks.date(field(at, row.fields(), "BIRTH"), "BIRTH", today), today)) {
                    cids.add(field(at, row.fields(), "MOTHER"));
                }
            } catch (RowFault ignored) { } // the row itself is rejected later
        }
        cids.remove("");
        return cids;
    }

    private Object person(F43File f, F43File.Row row, Set<String> motherCids) {
        var at = f.columns();
        String[] v = row.fields();
        String key = null;
        try {
            for (String c : PERSON_COLUMNS) if (!at.containsKey(c)) throw new RowFault(RejectReason.MISSING_COLUMN, c);
            if (v.length != f.header().size()) {
                throw new RowFault(RejectReason.WRONG_WIDTH, v.length + " fields, the header has " + f.header().size());
            }
            String hospcode = required(at, v, "HOSPCODE");
            String pid = required(at, v, "PID");
            key = People.key(hospcode, pid);
            // Who the row says the person is; a second row for the same PID or CID that says otherwise is not
            // merged silently: the later one is rejected and the first stands.
            String who = String.join("|", field(at, v, "CID"), field(at, v, "NAME"), field(at, v, "LNAME"), field(at, v, "SEX"),
                    field(at, v, "BIRTH"));
            if (people.has(key)) {
                String first = identityByKey.get(key);
                if (first != null && !first.equals(who)) {
                    throw new RowFault(RejectReason.CONFLICTING_PERSON, "PID " + pid + " is on an earlier row with another name, sex, birth date or CID");
                }
                return "duplicate";
            }
            identityByKey.put(key, who);
            people.put(key, new Person(Status.REJECTED, null, null));
            LocalDate birth = F43Checks.date(required(at, v, "BIRTH"), "BIRTH", today);
            String cid = field(at, v, "CID");
            boolean child = People.isChild(birth, today);
            if (!child && !motherCids.contains(cid)) {
                people.put(key, new Person(Status.SKIPPED, null, null));
                return "skipped";
            }
            var unit = people.unit(hospcode);
            String sex = required(at, v, "SEX");
            F43Checks.code(sex, "SEX", Set.of("1", "2"), false);
            F43Checks.code(field(at, v, "TYPEAREA"), "TYPEAREA", Set.of("1", "2", "3", "4", "5"), true);
            String name = required(at, v, "NAME");
            String lname = required(at, v, "LNAME");
            F43Checks.nationalId(cid, "CID");
            String firstWho = identityByCid.putIfAbsent(cid, who);
            if (firstWho != null && !firstWho.equals(who)) {
                throw new RowFault(RejectReason.CONFLICTING_PERSON, "CID is on an earlier row with another name, sex or birth date");
            }
            LocalDate moveIn = null;
            try {
                if (!field(at, v, "MOVEIN").isEmpty()) moveIn = F43Checks.date(field(at, v, "MOVEIN"), "MOVEIN", today);
            } catch (RowFault ignored) { } // only the start of the registration: the birth date stands in
            var c = new Candidate(key, hospcode, pid, cid, field(at, v, "HID"), name, lname, "1".equals(sex) ? Sex.M : Sex.F,
                    birth, field(at, v, "MOTHER"), moveIn, unit.id(), unit.subdistrictCode(), child);
            people.put(key, new Person(child ? Status.CHILD : Status.MOTHER, null, unit.id()));
            return c;
        } catch (RowFault fault) {
            return fault;
        }
    }

    private List<Batch> addresses(F43File f, Map<String, Place> places) {
        var at = f.columns();
        var cut = new Batch.Cutter("ADDRESS", batchRows);
        Set<String> seen = new HashSet<>();
        for (var row : f.rows()) {
            Batch b = cut.next(1);
            String[] v = row.fields();
            try {
                for (String c : ADDRESS_COLUMNS) if (!at.containsKey(c)) throw new RowFault(RejectReason.MISSING_COLUMN, c);
                if (v.length != f.header().size()) {
                    throw new RowFault(RejectReason.WRONG_WIDTH, v.length + " fields, the header has " + f.header().size());
                }
                String key = People.key(required(at, v, "HOSPCODE"), required(at, v, "PID"));
                if (!seen.add(key + "|" + field(at, v, "ADDRESSTYPE"))) {
                    b.count("duplicate");
                    continue;
                }
                Person p = people.person(key);
                if (p == null) throw new RowFault(RejectReason.ORPHAN, "no PERSON row for this HOSPCODE and PID");
                if (p.status() == Status.REJECTED) throw new RowFault(RejectReason.PERSON_REJECTED, "the PERSON row was rejected");
                if (p.status() == Status.SKIPPED) {
                    b.count("skipped");
                    continue;
                }
                var sub = people.subdistrict(field(at, v, "CHANGWAT"), field(at, v, "AMPUR"), field(at, v, "TAMBON"));
                sub.ifPresent(s -> places.merge(key, new Place(s, field(at, v, "HOUSENO"), null, null), (a, c) -> a));
                b.count("accepted");
            } catch (RowFault fault) {
                b.reject(row.line(), fault);
            }
        }
        return cut.batches;
    }

    private List<Batch> homes(F43File f, Map<String, Place> places) {
        var at = f.columns();
        var cut = new Batch.Cutter("HOME", batchRows);
        for (var row : f.rows()) {
            Batch b = cut.next(1);
            String[] v = row.fields();
            try {
                for (String c : HOME_COLUMNS) if (!at.containsKey(c)) throw new RowFault(RejectReason.MISSING_COLUMN, c);
                if (v.length != f.header().size()) {
                    throw new RowFault(RejectReason.WRONG_WIDTH, v.length + " fields, the header has " + f.header().size());
                }
                String hospcode = required(at, v, "HOSPCODE");
                String key = People.key(hospcode, required(at, v, "HID"));
                if (places.containsKey(key)) {
                    b.count("duplicate");
                    continue;
                }
                people.unit(hospcode);
                var sub = people.subdistrict(field(at, v, "CHANGWAT"), field(at, v, "AMPUR"), field(at, v, "TAMBON"));
                Double lat = coordinate(field(at, v, "LATITUDE"), "LATITUDE", 5, 21);
                Double lon = coordinate(field(at, v, "LONGITUDE"), "LONGITUDE", 97, 106);
                places.put(key, new Place(sub.orElse(null), field(at, v, "HOUSE"), lat, lon));
                b.count("accepted");
            } catch (RowFault fault) {
                b.reject(row.line(), fault);
            }
        }
        return cut.batches;
    }

    private static Double coordinate(String value, String name, double min, double max) {
        if (value.isEmpty() || value.matches("0+(\\.0*)?")) return null; // 0 is how exports say "not known"
        return F43Checks.measure(value, name, min, max, null);
    }

    private List<Batch> persons(F43File f, Map<Integer, Object> outcomes, Map<String, Place> addresses, Map<String, Place> homes) {
        Map<String, Candidate> mothers = new HashMap<>();
        List<String> childCids = new ArrayList<>();
        for (Object o : outcomes.values()) {
            if (o instanceof Candidate c && !c.child()) mothers.putIfAbsent(c.cid(), c);
            if (o instanceof Candidate c && c.child()) childCids.add(c.cid());
        }
        var known = registered.find(childCids);
        Set<String> mothersOfChildren = new HashSet<>();
        var cut = new Batch.Cutter("PERSON", batchRows);
        for (var row : f.rows()) {
            Batch b = cut.next(1);
            Object o = outcomes.get(row.line());
            if (o instanceof RowFault fault) {
                b.reject(row.line(), fault);
            } else if (o instanceof String what) {
                b.count(what);
            } else if (o instanceof Candidate c && c.child()) {
                Place place = addresses.get(c.key());
                Place home = homes.get(People.key(c.hospcode(), c.hid()));
                String sub = place != null ? place.subdistrict() : home != null && home.subdistrict() != null
                        ? home.subdistrict() : c.unitSubdistrict();
                if (sub == null) {
                    people.put(c.key(), new Person(Status.REJECTED, null, null));
                    b.reject(row.line(), new RowFault(RejectReason.NO_SUBDISTRICT, "no ADDRESS, HOME or health-center subdistrict"));
                    continue;
                }
                var id = new ChildId(UUID.nameUUIDFromBytes(("f43-child:" + c.hospcode() + ":" + c.pid()).getBytes()));
                var already = known.get(c.cid());
                ChildFacts facts = already == null ? new ChildFacts(id, c.sex(), c.birth(), sub.substring(0, 2))
                        : new ChildFacts(already.id(), already.sex(), already.dateOfBirth(), already.provinceCode());
                people.put(c.key(), new Person(Status.CHILD, facts, c.unitId()));
                b.count("accepted");
                b.count("persons");
                b.count("children");
                if (already != null && !already.id().equals(id)) b.count("linked");
                Candidate mother = mothers.get(c.motherCid());
                if (mother != null) mothersOfChildren.add(mother.key());
                if (already != null) continue;
                var guardians = mother == null ? List.<ImportedGuardian>of() : List.of(new ImportedGuardian(
                        UUID.nameUUIDFromBytes(("f43-mother:" + mother.hospcode() + ":" + mother.pid()).getBytes()),
                        mother.name(), mother.lname(), "มารดา", null, null));
                Place at = place != null ? place : home;
                b.children.add(new ImportedChild(id, c.name(), c.lname(), c.sex(), c.birth(), c.cid(), sub,
                        at == null ? null : at.houseNo(), home == null ? null : home.latitude(), home == null ? null : home.longitude(),
                        guardians, List.of(new ImportedEnrolment(c.unitId(), EnrolmentKind.REGISTERED, null,
                                c.moveIn() != null && c.moveIn().isAfter(c.birth()) ? c.moveIn() : c.birth(), null))));
            }
        }
        // Mothers are known only once every child is: count them on their own lines.
        int position = 0;
        for (var row : f.rows()) {
            Batch b = cut.batches.get(position++ / batchRows);
            if (outcomes.get(row.line()) instanceof Candidate c && !c.child()) {
                boolean isMother = mothersOfChildren.contains(c.key()) && mothers.get(c.cid()) == c;
                people.put(c.key(), new Person(isMother ? Status.MOTHER : Status.SKIPPED, null, null));
                b.count(isMother ? "accepted" : "skipped");
                if (isMother) {
                    b.count("persons");
                    b.count("mothers");
                }
            }
        }
        return cut.batches;
    }
}
