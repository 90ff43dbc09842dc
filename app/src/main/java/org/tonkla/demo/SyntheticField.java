package org.tonkla.demo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;
import org.tonkla.field.Campaigns;
import org.tonkla.field.FieldImports;
import org.tonkla.field.FieldImports.ImportedVisit;
import org.tonkla.field.FieldImports.Photo;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.platform.ThaiDates;
import org.tonkla.registry.ChildImports.ImportedChild;

/**
 * The pilot's home-visit campaign (issue 11 §7): one campaign of the province over the three pilot districts, one
 * surveyor per subdistrict ({@code surveyor.pNNNNNN}, password {@code tonkla-demo}, a DLA teacher scoped to the
 * district), and a visit for most households of the synthetic population over the campaign's first 60 days: about
 * 85 % visited (most with the guardian's consent, so with income and photos of the home and the child), the rest not
 * found, refused or moved away. Photos come from a small pool of generated JPEGs (a few KB each), stored once in the
 * file store as a submission's would be, and shared by many visits, so the generator stays fast.
 */
@Component
class SyntheticField {

    static final String PASSWORD = DemoData.PASSWORD;
    private static final int PHOTO_POOL = 48;
    private static final int DAYS = 60;

    private final FieldImports imports;
    private final Accounts accounts;
    private final Clock clock;
    private UUID campaign;
    private final Map<String, UUID> surveyors = new HashMap<>();
    private final List<Photo> photos = new ArrayList<>();

    SyntheticField(FieldImports imports, Accounts accounts, Clock clock) {
        this.imports = imports;
        this.accounts = accounts;
        this.clock = clock;
    }

    static String surveyorName(String subdistrictCode) {
        return "surveyor.p" + subdistrictCode;
    }

    static UUID campaignId(long seed) {
        return UUID.nameUUIDFromBytes(("pilot-campaign:" + seed).getBytes());
    }

    /** Opens the campaign and creates its surveyors (those already there are kept). */
    void open(List<SyntheticChildren.LocalUnits> units, long seed) {
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        campaign = campaignId(seed);
        List<Campaigns.Assignment> assignments = new ArrayList<>();
        for (var u : units) {
            String code = u.subdistrict().code();
            String username = surveyorName(code);
            UUID id = accounts.search(username).stream().filter(a -> a.username().equals(username)).findFirst()
                    .map(Accounts.AccountView::id)
                    .orElseGet(() -> accounts.create(new Accounts.AccountForm(username, "ครูผู้สำรวจตำบล" + u.subdistrict().nameTh()
                            + " (จำลอง)", Role.SURVEYOR, new Scope("DLA", OrgUnit.area(code.substring(0, 4))), PASSWORD, true), true));
            surveyors.put(code, id);
            assignments.add(new Campaigns.Assignment(id, List.of(code), List.of()));
        }
        imports.campaign(new FieldImports.ImportedCampaign(campaign, "สำรวจเด็กปฐมวัยนำร่อง 3 อำเภอ จังหวัดขอนแก่น (จำลอง)", "40",
                SyntheticChildren.PILOT_DISTRICTS, today.minusDays(DAYS), today.plusDays(120),
                units.getFirst().centers().getFirst().id(), SyntheticChildren.GENERATOR), assignments);
        for (int i = 0; i < PHOTO_POOL; i++) photos.add(imports.photo("photo-" + i + ".jpg", jpeg(seed, i)));
    }

    /** The visits of one batch of children: one household each; returns the visits inserted. */
    long visits(List<ImportedChild> children, long seed) {
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        List<ImportedVisit> visits = new ArrayList<>(children.size());
        for (ImportedChild c : children) {
            var random = new SplittableRandom(c.id().value().getLeastSignificantBits() ^ seed);
            double r = random.nextDouble();
            if (r >= 0.93) continue; // not reached yet
            String outcome = r < 0.85 ? "VISITED" : r < 0.89 ? "NOT_FOUND" : r < 0.91 ? "REFUSED" : "MOVED";
            boolean consent = random.nextDouble() < 0.9;
            int members = 2 + random.nextInt(6);
            int income = random.nextDouble() < 0.3 ? random.nextInt(2_500 * members) : 3_000 * members + random.nextInt(20_000);
            visits.add(new ImportedVisit(SyntheticChildren.uuid(c.id().value().toString(), "visit"), campaign, "40",
                    surveyors.get(c.subdistrictCode()), today.minusDays(random.nextInt(DAYS)), c.subdistrictCode(), c.houseNo(),
                    outcome, consent, members, income, named(random, "outside.jpg"), named(random, "inside.jpg"), c.id().value(),
                    named(random, "child.jpg")));
        }
        return imports.importVisits(visits);
    }

    private Photo named(SplittableRandom random, String fileName) {
        Photo p = photos.get(random.nextInt(photos.size()));
        return new Photo(fileName, p.sha256(), p.thumbnailSha256(), p.size());
    }

    /** A 320 × 240 picture of a house (sky, wall, roof, door in random colours): a JPEG of a few KB. */
    static byte[] jpeg(long seed, int n) {
        var random = new SplittableRandom(seed * 31 + n);
        var image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(120 + random.nextInt(100), 170 + random.nextInt(60), 230));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(60 + random.nextInt(80), 120 + random.nextInt(80), 40));
        g.fillRect(0, 170, 320, 70);
        int x = 40 + random.nextInt(100);
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(x, 100, 160, 90);
        g.setColor(new Color(100 + random.nextInt(120), 40 + random.nextInt(60), 30));
        g.fillPolygon(new int[] {x - 15, x + 80, x + 175}, new int[] {100, 45 + random.nextInt(20), 100}, 3);
        g.setColor(new Color(70, 45, 20));
        g.fillRect(x + 20 + random.nextInt(100), 140, 26, 50);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
