package org.tonkla.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tonkla.consent.DataCategory;

/**
 * The need types a referral is for, bound from {@code tonkla.referral.need-types.<code>}: how many days the
 * receiving unit has ({@code days}), which categories of the child's record it may see ({@code categories}:
 * minimum necessary) and which record-book needs it answers ({@code needs}, prefixes of need keys). Without
 * configuration the defaults below apply; configuring any type replaces them all.
 *
 * @param escalationInterval how often overdue referrals are looked for (ISO-8601 duration)
 */
@ConfigurationProperties("tonkla.referral")
public record NeedTypes(Map<String, NeedType> needTypes, java.time.Duration escalationInterval) {

    /** One need type. */
    public record NeedType(int days, Set<DataCategory> categories, List<String> needs) {
        public NeedType {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            needs = needs == null ? List.of() : List.copyOf(needs);
        }
    }

    /** DSPM: a suspected delay is assessed within 30 days (THAI-RULES, DSPM follow-up). */
    static Map<String, NeedType> defaults() {
        Map<String, NeedType> d = new LinkedHashMap<>();
        d.put("developmental-delay", new NeedType(30, Set.of(DataCategory.GROWTH, DataCategory.DEVELOPMENT),
                List.of("need.dspm")));
        d.put("growth", new NeedType(30, Set.of(DataCategory.GROWTH), List.of("growth.class", "need.growth")));
        d.put("immunization", new NeedType(14, Set.of(DataCategory.IMMUNIZATION), List.of("need.vaccine")));
        // Needs a home visit screens (issue 11 §6): the grants and disability registration are household support;
        // a missing ID or health coverage goes to a registration office, "other".
        d.put("household-support", new NeedType(30, Set.of(DataCategory.HOUSEHOLD),
                List.of("need.field.eef", "need.field.csg", "need.field.disability")));
        d.put("child-protection", new NeedType(3, Set.of(DataCategory.HOUSEHOLD, DataCategory.HEALTH_NOTES), List.of()));
        d.put("other", new NeedType(30, Set.of(), List.of("need.field.noIdentifier", "need.field.noCoverage")));
        return d;
    }

    public NeedTypes {
        needTypes = needTypes == null || needTypes.isEmpty() ? defaults() : new LinkedHashMap<>(needTypes);
        if (escalationInterval == null) escalationInterval = java.time.Duration.ofMinutes(15);
    }

    public Optional<NeedType> type(String code) {
        return Optional.ofNullable(needTypes.get(code));
    }

    public List<String> codes() {
        return List.copyOf(needTypes.keySet());
    }

    /** The need type a record-book need (by its key) is referred as, if any. */
    public Optional<String> forNeed(String needKey) {
        if (needKey == null) return Optional.empty();
        return needTypes.entrySet().stream()
                .filter(e -> e.getValue().needs().stream().anyMatch(needKey::startsWith))
                .map(Map.Entry::getKey).findFirst();
    }
}
