package org.tonkla.field.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.field.Campaign;
import org.tonkla.field.CampaignProgress;
import org.tonkla.field.Campaigns;
import org.tonkla.identity.Users;

/** Campaigns for officers: open one over districts or subdistricts and a period, assign surveyors, list them, follow progress. */
@RestController
@RequestMapping("/api/v1/field/campaigns")
class CampaignApi {

    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final Users users;

    CampaignApi(Campaigns campaigns, CampaignProgress progress, Users users) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.users = users;
    }

    /** Per subdistrict, surveyor and day: visited, not found, refused, moved away, new children registered. */
    @GetMapping("/{id}/progress")
    List<CampaignProgress.Row> progress(@PathVariable UUID id) {
        return progress.of(id, users.require());
    }

    @GetMapping
    List<Campaign> list() {
        return campaigns.list(users.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> create(@RequestBody Campaigns.NewCampaign body) {
        return Map.of("id", campaigns.create(body, users.require()));
    }

    @PostMapping("/{id}/assignments")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void assign(@PathVariable UUID id, @RequestBody Campaigns.Assignment body) {
        campaigns.assign(id, body, users.require());
    }
}
