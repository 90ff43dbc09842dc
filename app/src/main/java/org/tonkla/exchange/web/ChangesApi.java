package org.tonkla.exchange.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.exchange.ChangeFeed;
import org.tonkla.identity.Users;

/**
 * {@code GET /api/v1/changes?since=CURSOR&limit=N}: the resources (FHIR type and id) created, updated or
 * deleted after the cursor, in the caller's scope, each with its own cursor; {@code next} is the cursor to
 * ask with next time (keep it), {@code more} says there is more at once. Start without {@code since}.
 */
@RestController
class ChangesApi {

    private final ChangeFeed feed;
    private final Users users;

    ChangesApi(ChangeFeed feed, Users users) {
        this.feed = feed;
        this.users = users;
    }

    @GetMapping("/api/v1/changes")
    ChangeFeed.Page changes(@RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") int limit) {
        return feed.since(since, limit, users.require());
    }
}
