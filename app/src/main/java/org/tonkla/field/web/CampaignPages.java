package org.tonkla.field.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.directory.AreaChoices;
import org.tonkla.directory.Directory;
import org.tonkla.field.Campaign;
import org.tonkla.field.CampaignCoverage;
import org.tonkla.field.CampaignProgress;
import org.tonkla.field.Campaigns;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;

/**
 * Campaign pages for provincial and district officers (issue 11 §1): the list, opening one over an area chosen with
 * the province → district → subdistrict pickers, assigning surveyors, progress per subdistrict and per surveyor by
 * day, the coverage map and the Excel export. The same use cases as {@link CampaignApi}, so the same rules apply.
 */
@Controller
class CampaignPages {

    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final CampaignCoverage coverage;
    private final Directory directory;
    private final Accounts accounts;
    private final Users users;
    private final java.time.Clock clock;

    CampaignPages(Campaigns campaigns, CampaignProgress progress, CampaignCoverage coverage, Directory directory,
            Accounts accounts, Users users, java.time.Clock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.progress = progress;
        this.coverage = coverage;
        this.directory = directory;
        this.accounts = accounts;
        this.users = users;
    }

    @GetMapping("/field/campaigns")
    String list(Model model) {
        CurrentUser user = users.require();
        model.addAttribute("campaigns", campaigns.list(user));
        model.addAttribute("areas", AreaChoices.around(directory, user.scope().unit() instanceof
                org.tonkla.identity.OrgUnit.Area a ? a.code() : ""));
        model.addAttribute("form", Map.of("name", "", "areaCode", "", "moreAreaCodes", "", "startsOn", LocalDate.now(clock),
                "endsOn", LocalDate.now(clock).plusMonths(2), "registeringUnitId", ""));
        return "field/campaigns";
    }

    @PostMapping("/field/campaigns")
    String create(@RequestParam String name, @RequestParam(defaultValue = "") String areaCode,
            @RequestParam(defaultValue = "") String moreAreaCodes,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) UUID registeringUnitId, Model model) {
        CurrentUser user = users.require();
        List<String> codes = new ArrayList<>();
        if (!areaCode.isBlank()) codes.add(areaCode.strip());
        Arrays.stream(moreAreaCodes.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(codes::add);
        try {
            UUID id = campaigns.create(new Campaigns.NewCampaign(name, codes, startsOn, endsOn, registeringUnitId), user);
            return "redirect:/field/campaigns/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("campaigns", campaigns.list(user));
            model.addAttribute("areas", AreaChoices.around(directory, areaCode));
            model.addAttribute("errors", e.errors().stream().map(InvalidInput.FieldError::field).collect(Collectors.toSet()));
            model.addAttribute("form", Map.of("name", name, "areaCode", areaCode, "moreAreaCodes", moreAreaCodes,
                    "startsOn", startsOn == null ? "" : startsOn, "endsOn", endsOn == null ? "" : endsOn,
                    "registeringUnitId", registeringUnitId == null ? "" : registeringUnitId));
            return "field/campaigns";
        }
    }

    @GetMapping("/field/campaigns/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean days, Model model) {
        CurrentUser user = users.require();
        Campaign campaign = inScope(id, user);
        var rows = progress.of(id, user);
        var kept = coverage.withTargetTime(id, user);
        var districts = kept.districts();
        model.addAttribute("targetCountedAt", kept.targetCountedAt());
        model.addAttribute("campaign", campaign);
        model.addAttribute("bySubdistrict", ProgressTables.bySubdistrict(rows));
        // A surveyor's total by default; the 60-odd days of each of dozens of surveyors only on demand.
        model.addAttribute("days", days);
        model.addAttribute("bySurveyor", days ? ProgressTables.bySurveyorAndDay(rows) : ProgressTables.bySurveyor(rows));
        model.addAttribute("coverage", districts);
        model.addAttribute("timesNotBelieved", progress.timesNotBelieved(id, user));
        model.addAttribute("areaNames", ProgressTables.names(directory, rows, districts));
        model.addAttribute("subdistricts", campaign.areaCodes().stream()
                .flatMap(c -> c.length() == 6 ? directory.area(c).stream() : directory.childrenOf(c).stream()).toList());
        model.addAttribute("surveyors", accounts.search("").stream().filter(a -> a.role() == Role.SURVEYOR).toList());
        model.addAttribute("mapData", Map.of("province", campaign.provinceCode(), "districtsFile",
                "/geo/districts_simplified.geojson", "districts", districts.stream().map(d -> Map.of("code",
                        "TH" + d.districtCode(), "value", d.percent(), "target", d.target(), "reached", d.reached()))
                        .toList()));
        return "field/campaign";
    }

    @PostMapping("/field/campaigns/{id}/assignments")
    String assign(@PathVariable UUID id, @RequestParam(required = false) UUID surveyorId,
            @RequestParam(required = false) List<String> subdistrictCodes) {
        campaigns.assign(id, new Campaigns.Assignment(surveyorId, subdistrictCodes, List.of()), users.require());
        return "redirect:/field/campaigns/" + id + "?assigned";
    }

    @GetMapping("/field/campaigns/{id}/progress.xlsx")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        CurrentUser user = users.require();
        Campaign campaign = inScope(id, user);
        byte[] book = ProgressWorkbook.of(campaign, progress.of(id, user), coverage.of(id, user));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-progress.xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(book);
    }

    private Campaign inScope(UUID id, CurrentUser user) {
        return campaigns.inScope(id, user);
    }
}
